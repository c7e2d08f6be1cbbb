package io.edgetimedb.server.http;

import javax.servlet.http.HttpServletRequest;
import org.eclipse.jetty.util.MultiMap;
import org.eclipse.jetty.util.UrlEncoded;

/**
 * The query string's parameters only. {@code getParameter} would also parse a body sent as
 * {@code application/x-www-form-urlencoded} (what {@code curl --data-binary} declares by default)
 * and so swallow the line protocol.
 */
final class QueryParameters {
  private final MultiMap<String> values = new MultiMap<>();

  QueryParameters(HttpServletRequest request) {
    String query = request.getQueryString();
    if (query != null) {
      try {
        UrlEncoded.decodeUtf8To(query, values);
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw RefusedRequest.invalid("malformed query string: " + e.getMessage());
      }
    }
  }

  /** The first value of a parameter, or null. */
  String get(String name) {
    return values.getValue(name, 0);
  }
}
