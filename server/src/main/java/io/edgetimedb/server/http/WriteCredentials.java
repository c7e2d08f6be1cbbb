package io.edgetimedb.server.http;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.servlet.http.HttpServletRequest;

/**
 * The user and password a write presents, in any of the forms InfluxDB clients send them:
 *
 * <pre>
 * Authorization: Token &lt;user&gt;:&lt;password&gt;      InfluxDB 2.x clients, Telegraf's influxdb_v2 output (token = "user:password")
 * Authorization: Basic base64(&lt;user&gt;:&lt;password&gt;)  InfluxDB 1.x clients, curl -u
 * ?u=&lt;user&gt;&amp;p=&lt;password&gt;                       InfluxDB 1.x query parameters
 * </pre>
 *
 * The token form is InfluxDB 1.8's compatibility token: a user and password joined by the first colon.
 *
 * @param user null when the request presents none
 */
record WriteCredentials(String user, String password) {
  static final WriteCredentials NONE = new WriteCredentials(null, null);

  /**
   * @throws RefusedRequest 401 for an Authorization header of another scheme or without a colon,
   *     naming the forms accepted
   */
  static WriteCredentials of(HttpServletRequest request, QueryParameters query) {
    String header = request.getHeader("Authorization");
    if (header == null) {
      String user = query.get("u");
      return user == null ? NONE : new WriteCredentials(user, query.get("p"));
    }
    String[] scheme = header.strip().split("\\s+", 2);
    if (scheme.length == 2 && scheme[0].equalsIgnoreCase("Token")) {
      return joined(scheme[1]);
    }
    if (scheme.length == 2 && scheme[0].equalsIgnoreCase("Basic")) {
      try {
        return joined(new String(Base64.getDecoder().decode(scheme[1]), StandardCharsets.UTF_8));
      } catch (IllegalArgumentException e) {
        throw unreadable("its Basic credentials are not base64");
      }
    }
    throw unreadable("its scheme is neither Token nor Basic");
  }

  private static WriteCredentials joined(String userAndPassword) {
    int colon = userAndPassword.indexOf(':');
    if (colon < 0) {
      throw unreadable("the credentials are not '<user>:<password>'");
    }
    return new WriteCredentials(userAndPassword.substring(0, colon), userAndPassword.substring(colon + 1));
  }

  private static RefusedRequest unreadable(String why) {
    return new RefusedRequest(401, "unauthorized", "the Authorization header cannot be read: " + why
        + " (send 'Authorization: Token <user>:<password>')");
  }
}
