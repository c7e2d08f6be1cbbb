package io.edgetimedb.server.avatica;

import io.edgetimedb.server.security.Users;
import io.edgetimedb.sql.access.Access;
import io.edgetimedb.sql.access.Role;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import javax.servlet.ServletException;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.handler.HandlerWrapper;

/**
 * HTTP BASIC authentication of every Avatica request against the server's {@link Users}
 * ({@code Authorization: Basic base64(user:password)}, which Avatica clients send with {@code
 * authentication=BASIC;avatica_user=...;avatica_password=...} and the EdgeTimeDB remote driver
 * with {@code user}/{@code password}). Avatica's own BASIC support reads users from a Jetty
 * realm file with Jetty's password formats and does not tell the Meta who logged in; here the
 * user and role of the request being served are kept for the thread serving it, so the remote
 * connection it opens gets that user's role ({@link EmbeddedJdbcMeta}).
 */
final class BasicAuthentication extends HandlerWrapper {
  private final Users users;
  private final ThreadLocal<Access> current = new ThreadLocal<>();

  BasicAuthentication(Users users) {
    this.users = users;
  }

  @Override
  public void handle(String target, Request base, HttpServletRequest request, HttpServletResponse response)
      throws IOException, ServletException {
    if (!users.required()) {
      super.handle(target, base, request, response);
      return;
    }
    Optional<Access> access = authenticate(request.getHeader("Authorization"));
    if (access.isEmpty()) {
      base.setHandled(true);
      response.setHeader("WWW-Authenticate", "Basic realm=\"EdgeTimeDB\", charset=\"UTF-8\"");
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "unknown user or wrong password");
      return;
    }
    current.set(access.get());
    try {
      super.handle(target, base, request, response);
    } finally {
      current.remove();
    }
  }

  private Optional<Access> authenticate(String header) {
    String userAndPassword = decoded(header);
    int colon = userAndPassword == null ? -1 : userAndPassword.indexOf(':');
    String user = colon < 0 ? null : userAndPassword.substring(0, colon);
    Optional<Role> role = users.authenticate(user, colon < 0 ? null : userAndPassword.substring(colon + 1));
    return role.map(r -> new Access(user, r));
  }

  /** {@code user:password} from a BASIC header, or null when there is none or it is not base64. */
  private static String decoded(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      return new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** Who sent the request this thread is serving; empty when the endpoint has no users (nobody logs in). */
  Optional<Access> current() {
    return Optional.ofNullable(current.get());
  }
}
