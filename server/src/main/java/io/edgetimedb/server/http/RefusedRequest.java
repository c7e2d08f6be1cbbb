package io.edgetimedb.server.http;

/**
 * A request the endpoint answers with an error status and a JSON body in InfluxDB's shape,
 * {@code {"code":"invalid","message":"..."}}; thrown from wherever the problem is found and
 * turned into the answer by {@link Routes}.
 */
final class RefusedRequest extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;

  RefusedRequest(int status, String code, String message) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
  }

  static RefusedRequest invalid(String message) {
    return new RefusedRequest(400, "invalid", message);
  }

  static RefusedRequest tooLarge(String message) {
    return new RefusedRequest(413, "request too large", message);
  }

  int status() {
    return status;
  }

  String code() {
    return code;
  }

  String json() {
    return new JsonWriter().beginObject().field("code", code).field("message", getMessage()).endObject().toString();
  }
}
