package io.edgetimedb.server.http;

import io.edgetimedb.server.security.Users;
import io.edgetimedb.sql.access.Role;
import javax.servlet.http.HttpServletRequest;

/**
 * Who may write over HTTP: anyone when the server has no users (it then listens on loopback, or
 * runs open by choice), otherwise a user of role write or admin presenting {@link
 * WriteCredentials}. Checked before the body is read, so a refused sender costs no parsing.
 */
final class WriteAuthorization {
  private final Users users;

  WriteAuthorization(Users users) {
    this.users = users;
  }

  /**
   * @throws RefusedRequest 401 without credentials or with wrong ones, 403 for a user whose role
   *     does not write
   */
  void check(HttpServletRequest request, QueryParameters query) {
    if (!users.required()) {
      return;
    }
    WriteCredentials credentials;
    try {
      credentials = WriteCredentials.of(request, query);
    } catch (RefusedRequest unreadable) {
      users.authenticate(null, null);
      throw unreadable;
    }
    Role role = users.authenticate(credentials.user(), credentials.password()).orElseThrow(
        () -> new RefusedRequest(401, "unauthorized", credentials.user() == null
            ? "this server requires credentials for writes: send 'Authorization: Token <user>:<password>'"
            : "unknown user or wrong password"));
    if (!role.permits(Role.WRITE)) {
      throw new RefusedRequest(403, "forbidden", "user '" + credentials.user() + "' has role " + role.label()
          + ", writing needs role write");
    }
  }
}
