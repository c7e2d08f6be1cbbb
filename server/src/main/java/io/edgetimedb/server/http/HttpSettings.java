package io.edgetimedb.server.http;

/**
 * Settings of the HTTP port. Immutable; start from {@link #defaults()} and change what differs.
 *
 * @param bindHost address to listen on; {@code 127.0.0.1} (the default) for this machine only,
 *     {@code 0.0.0.0} for every interface
 * @param port TCP port; 0 picks a free one ({@link HttpEndpoint#port()} tells which)
 * @param maxBodyBytes largest write body accepted, in bytes, both as sent and after gzip
 *     decompression (so a small gzip bomb is refused too); InfluxDB's own default is 25 MB
 * @param linesPerBatch lines parsed and written per {@code Database.write}: a body is processed
 *     in pieces of this many lines, so memory stays bounded whatever the body size
 * @param maxErrorsReported bad lines listed in a 400 answer; the answer also counts all of them
 * @param idleTimeoutMillis how long a connection may stay silent (also mid-body) before it is closed
 * @param maxThreads request threads; each holds one piece of a body at a time
 * @param maxInflightBytes bytes of write bodies all requests together may hold in memory; a
 *     request that would go beyond is answered 503 with Retry-After
 * @param maxLineBytes longest line-protocol line, its line end not counted; a longer one is
 *     skipped and reported by its line number, the other lines are written
 */
public record HttpSettings(String bindHost, int port, long maxBodyBytes, int linesPerBatch, int maxErrorsReported,
    long idleTimeoutMillis, int maxThreads, long maxInflightBytes, int maxLineBytes) {
  public static final int DEFAULT_PORT = 8086;

  public HttpSettings {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be 0..65535, was " + port);
    }
    if (maxBodyBytes < 1) {
      throw new IllegalArgumentException("maxBodyBytes must be >= 1, was " + maxBodyBytes);
    }
    if (linesPerBatch < 1) {
      throw new IllegalArgumentException("linesPerBatch must be >= 1, was " + linesPerBatch);
    }
    if (maxErrorsReported < 0) {
      throw new IllegalArgumentException("maxErrorsReported must be >= 0, was " + maxErrorsReported);
    }
    if (idleTimeoutMillis < 1) {
      throw new IllegalArgumentException("idleTimeoutMillis must be >= 1, was " + idleTimeoutMillis);
    }
    if (maxThreads < 4) {
      // Jetty needs an acceptor and a selector thread besides the request threads
      throw new IllegalArgumentException("maxThreads must be >= 4, was " + maxThreads);
    }
    if (maxInflightBytes < 1) {
      throw new IllegalArgumentException("maxInflightBytes must be >= 1, was " + maxInflightBytes);
    }
    if (maxLineBytes < 1 || maxLineBytes == Integer.MAX_VALUE) {
      throw new IllegalArgumentException("maxLineBytes must be 1.." + (Integer.MAX_VALUE - 1) + ", was "
          + maxLineBytes);
    }
  }

  /**
   * Loopback, port 8086 (InfluxDB's), bodies up to 32 MiB, 5,000 lines per batch, 100
   * errors listed, 30 s idle timeout, 16 threads, 64 MiB of bodies in memory, lines up to 2 MiB
   * (a value at the 1 MiB ingest.max-value-length limit, escaped).
   */
  public static HttpSettings defaults() {
    return new HttpSettings("127.0.0.1", DEFAULT_PORT, 32L << 20, 5_000, 100, 30_000, 16, 64L << 20, 2 << 20);
  }

  public HttpSettings withBindHost(String host) {
    return new HttpSettings(host, port, maxBodyBytes, linesPerBatch, maxErrorsReported, idleTimeoutMillis,
        maxThreads, maxInflightBytes, maxLineBytes);
  }

  public HttpSettings withPort(int newPort) {
    return new HttpSettings(bindHost, newPort, maxBodyBytes, linesPerBatch, maxErrorsReported, idleTimeoutMillis,
        maxThreads, maxInflightBytes, maxLineBytes);
  }

  public HttpSettings withMaxBodyBytes(long bytes) {
    return new HttpSettings(bindHost, port, bytes, linesPerBatch, maxErrorsReported, idleTimeoutMillis,
        maxThreads, maxInflightBytes, maxLineBytes);
  }

  public HttpSettings withLinesPerBatch(int lines) {
    return new HttpSettings(bindHost, port, maxBodyBytes, lines, maxErrorsReported, idleTimeoutMillis,
        maxThreads, maxInflightBytes, maxLineBytes);
  }

  public HttpSettings withMaxErrorsReported(int errors) {
    return new HttpSettings(bindHost, port, maxBodyBytes, linesPerBatch, errors, idleTimeoutMillis,
        maxThreads, maxInflightBytes, maxLineBytes);
  }

  public HttpSettings withIdleTimeoutMillis(long millis) {
    return new HttpSettings(bindHost, port, maxBodyBytes, linesPerBatch, maxErrorsReported, millis,
        maxThreads, maxInflightBytes, maxLineBytes);
  }

  public HttpSettings withMaxThreads(int threads) {
    return new HttpSettings(bindHost, port, maxBodyBytes, linesPerBatch, maxErrorsReported, idleTimeoutMillis,
        threads, maxInflightBytes, maxLineBytes);
  }

  public HttpSettings withMaxInflightBytes(long bytes) {
    return new HttpSettings(bindHost, port, maxBodyBytes, linesPerBatch, maxErrorsReported, idleTimeoutMillis,
        maxThreads, bytes, maxLineBytes);
  }

  public HttpSettings withMaxLineBytes(int bytes) {
    return new HttpSettings(bindHost, port, maxBodyBytes, linesPerBatch, maxErrorsReported, idleTimeoutMillis,
        maxThreads, maxInflightBytes, bytes);
  }
}
