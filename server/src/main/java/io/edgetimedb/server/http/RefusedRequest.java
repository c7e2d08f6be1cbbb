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
  private final int retryAfterSeconds;

  RefusedRequest(int status, String code, String message) {
    this(status, code, message, 0);
  }

  private RefusedRequest(int status, String code, String message, int retryAfterSeconds) {
    super(message, null, false, false);
    this.status = status;
    this.code = code;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** 503 with {@code Retry-After}: the server is too busy for the request now, not broken. */
  static RefusedRequest busy(String message) {
    return unavailableFor(RETRY_AFTER_SECONDS, message);
  }

  /** 503 with a Retry-After header: the refusal passes by itself (the database is read-only for now). */
  static RefusedRequest unavailableFor(int retryAfterSeconds, String message) {
    return new RefusedRequest(503, "unavailable", message, retryAfterSeconds);
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

  /** Seconds a client should wait before it tries again, or 0 when the refusal says nothing about it. */
  int retryAfterSeconds() {
    return retryAfterSeconds;
  }

  String json() {
    return new JsonWriter().beginObject().field("code", code).field("message", getMessage()).endObject().toString();
  }
}
