package io.edgetimedb.server.tcp;

import io.edgetimedb.engine.lineprotocol.Precision;
import io.edgetimedb.engine.settings.SettingsRegistry;

/**
 * What the TCP listener runs with, read from the {@code tcp.*} settings (or built by tests).
 *
 * @param chunkBytes most bytes read from one connection for one write (plus its carried unfinished
 *     line): each writer thread holds one buffer of {@code chunkBytes + maxLineLength}
 * @param idleTimeoutMillis 0 for never
 */
public record TcpConfig(boolean enabled, String bindHost, int port, int maxConnections, int maxLineLength,
    long idleTimeoutMillis, Precision precision, int writerThreads, int chunkBytes) {
  /** About 5,000 plant-feed lines of 100 bytes: enough to make one write cheap per point. */
  public static final int DEFAULT_CHUNK_BYTES = 512 << 10;

  public TcpConfig {
    if (maxConnections < 1 || maxLineLength < 1 || writerThreads < 1 || chunkBytes < 1 || idleTimeoutMillis < 0) {
      throw new IllegalArgumentException("bad TCP listener settings: " + maxConnections + " connections, lines of "
          + maxLineLength + " bytes, " + writerThreads + " writer threads, chunks of " + chunkBytes
          + " bytes, idle timeout " + idleTimeoutMillis + " ms");
    }
  }

  public static TcpConfig from(SettingsRegistry r) {
    return new TcpConfig(r.booleanValue(TcpSettings.ENABLED), r.stringValue(TcpSettings.BIND),
        (int) r.longValue(TcpSettings.PORT), (int) r.longValue(TcpSettings.MAX_CONNECTIONS),
        (int) r.longValue(TcpSettings.MAX_LINE_LENGTH), r.longValue(TcpSettings.IDLE_TIMEOUT),
        Precision.fromQueryParameter(r.stringValue(TcpSettings.PRECISION)), (int) r.longValue(TcpSettings.WRITER_THREADS),
        DEFAULT_CHUNK_BYTES);
  }

  /** The defaults on 127.0.0.1 and a free port: for tests and benchmarks. */
  public static TcpConfig loopback() {
    return new TcpConfig(true, "127.0.0.1", 0, 512, 64 << 10, 600_000, Precision.NANOSECONDS, 2, DEFAULT_CHUNK_BYTES);
  }

  public TcpConfig withMaxLineLength(int bytes) {
    return new TcpConfig(enabled, bindHost, port, maxConnections, bytes, idleTimeoutMillis, precision, writerThreads,
        chunkBytes);
  }

  public TcpConfig withChunkBytes(int bytes) {
    return new TcpConfig(enabled, bindHost, port, maxConnections, maxLineLength, idleTimeoutMillis, precision,
        writerThreads, bytes);
  }

  public TcpConfig withMaxConnections(int connections) {
    return new TcpConfig(enabled, bindHost, port, connections, maxLineLength, idleTimeoutMillis, precision,
        writerThreads, chunkBytes);
  }

  public TcpConfig withIdleTimeoutMillis(long millis) {
    return new TcpConfig(enabled, bindHost, port, maxConnections, maxLineLength, millis, precision, writerThreads,
        chunkBytes);
  }

  public TcpConfig withWriterThreads(int threads) {
    return new TcpConfig(enabled, bindHost, port, maxConnections, maxLineLength, idleTimeoutMillis, precision,
        threads, chunkBytes);
  }

  /** The most bytes the listener holds at once: a buffer per writer thread and an unfinished line per connection. */
  public long bufferedBytesBound() {
    return (long) writerThreads * (chunkBytes + maxLineLength) + (long) maxConnections * maxLineLength;
  }
}
