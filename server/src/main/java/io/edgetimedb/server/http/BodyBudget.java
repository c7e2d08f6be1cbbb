package io.edgetimedb.server.http;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The bytes of write bodies all request threads hold in memory together, bounded by {@code
 * http.max-inflight-bytes}: a request reserves its buffer before reading into it and gives it
 * back when done, and one that would go beyond the bound is refused with 503 and Retry-After
 * instead of taking the heap (16 parallel 32 MiB single-line bodies ended in OutOfMemoryError).
 */
final class BodyBudget {
  private final long limit;
  private final AtomicLong reserved = new AtomicLong();
  private final LongAdder refusals = new LongAdder();

  BodyBudget(long limit) {
    this.limit = limit;
  }

  /**
   * Reserves {@code bytes} more for the calling request.
   *
   * @throws RefusedRequest 503 with Retry-After when the bytes in flight would exceed the limit
   */
  void reserve(long bytes) {
    long now = reserved.addAndGet(bytes);
    if (now > limit) {
      reserved.addAndGet(-bytes);
      refusals.increment();
      throw RefusedRequest.busy("the server holds " + (now - bytes) + " bytes of request bodies, and " + bytes
          + " more would exceed http.max-inflight-bytes = " + limit + "; retry shortly");
    }
  }

  void release(long bytes) {
    reserved.addAndGet(-bytes);
  }

  /** Bytes reserved now, for /metrics. */
  long inFlight() {
    return reserved.get();
  }

  /** Requests refused so far, for /metrics. */
  long refusals() {
    return refusals.sum();
  }

  long limit() {
    return limit;
  }
}
