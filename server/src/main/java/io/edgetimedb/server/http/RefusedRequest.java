package io.edgetimedb.server.http;

/**
 * A request the endpoint answers with an error status and a JSON body in InfluxDB's shape,
 * {@code {"code":"invalid","message":"..."}}; thrown from wherever the problem is found and
 * turned into the answer by {@link Routes}.
 */
final class RefusedRequest extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Seconds a client is asked to wait before retrying a request refused for load. */
  static final int RETRY_AFTER_SECONDS = 1;

  private final int status;
  private final String code;
  private final boolean retryLater;

  RefusedRequest(int status, String code, String message) {
    this(status, code, message, false);
  }

  private RefusedRequest(int status, String code, String message, boolean retryLater) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.retryLater = retryLater;
  }

  /** 503 with {@code Retry-After}: the server is too busy for the request now, not broken. */
  static RefusedRequest busy(String message) {
    return new RefusedRequest(503, "unavailable", message, true);
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

  /** Whether the answer carries {@code Retry-After: }{@link #RETRY_AFTER_SECONDS}. */
  boolean retryLater() {
    return retryLater;
  }

  String json() {
    return new JsonWriter().beginObject().field("code", code).field("message", getMessage()).endObject().toString();
  }
}
