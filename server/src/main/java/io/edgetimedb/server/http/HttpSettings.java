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
 */
public record HttpSettings(String bindHost, int port, long maxBodyBytes, int linesPerBatch, int maxErrorsReported,
    long idleTimeoutMillis, int maxThreads) {
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
  }

  /**
   * Loopback, port 8086 (InfluxDB's), bodies up to 32 MiB, 5,000 lines per batch, 100
   * errors listed, 30 s idle timeout, 16 threads.
   */
  public static HttpSettings defaults() {
    return new HttpSettings("127.0.0.1", DEFAULT_PORT, 32L << 20, 5_000, 100, 30_000, 16);
  }

  public HttpSettings withBindHost(String host) {
    return new HttpSettings(host, port, maxBodyBytes, linesPerBatch, maxErrorsReported, idleTimeoutMillis, maxThreads);
  }

  public HttpSettings withPort(int newPort) {
    return new HttpSettings(bindHost, newPort, maxBodyBytes, linesPerBatch, maxErrorsReported, idleTimeoutMillis,
        maxThreads);
  }

  public HttpSettings withMaxBodyBytes(long bytes) {
    return new HttpSettings(bindHost, port, bytes, linesPerBatch, maxErrorsReported, idleTimeoutMillis, maxThreads);
  }

  public HttpSettings withLinesPerBatch(int lines) {
    return new HttpSettings(bindHost, port, maxBodyBytes, lines, maxErrorsReported, idleTimeoutMillis, maxThreads);
  }

  public HttpSettings withMaxErrorsReported(int errors) {
    return new HttpSettings(bindHost, port, maxBodyBytes, linesPerBatch, errors, idleTimeoutMillis, maxThreads);
  }

  public HttpSettings withIdleTimeoutMillis(long millis) {
    return new HttpSettings(bindHost, port, maxBodyBytes, linesPerBatch, maxErrorsReported, millis, maxThreads);
  }

  public HttpSettings withMaxThreads(int threads) {
    return new HttpSettings(bindHost, port, maxBodyBytes, linesPerBatch, maxErrorsReported, idleTimeoutMillis,
        threads);
  }
}
