package io.edgetimedb.server.tcp;

import io.edgetimedb.engine.lineprotocol.Precision;
import io.edgetimedb.engine.settings.SettingsRegistry;

/**
 * What the TCP listener runs with, read from the {@code tcp.*} settings (or built by tests).
 *
 * @param chunkBytes most bytes read from one connection for one write (plus its carried unfinished
 *     line): each writer thread holds one buffer of {@code chunkBytes + maxLineLength}
 * @param idleTimeoutMillis 0 for never
 * @param maxConnectionsPerAddress connections one sender's address may hold open at once, so one host
 *     cannot take every slot
 * @param lineTimeoutMillis how long a connection may hold an unfinished line (or nothing since it
 *     connected) without completing one; 0 for never
 */
public record TcpConfig(boolean enabled, String bindHost, int port, int maxConnections, int maxLineLength,
    long idleTimeoutMillis, Precision precision, int writerThreads, int chunkBytes, int maxConnectionsPerAddress,
    long lineTimeoutMillis) {
  /** About 5,000 plant-feed lines of 100 bytes: enough to make one write cheap per point. */
  public static final int DEFAULT_CHUNK_BYTES = 512 << 10;
  /** An eighth of the default 512 connections: a gateway fans out to a few, a flood from one host stays a flood. */
  static final int DEFAULT_MAX_CONNECTIONS_PER_ADDRESS = 64;
  /** Telegraf and gateways send whole lines in one write; ten seconds covers a slow link, not a slowloris. */
  static final long DEFAULT_LINE_TIMEOUT_MILLIS = 10_000;

  public TcpConfig {
    if (maxConnections < 1 || maxLineLength < 1 || writerThreads < 1 || chunkBytes < 1 || idleTimeoutMillis < 0
        || maxConnectionsPerAddress < 1 || lineTimeoutMillis < 0) {
      throw new IllegalArgumentException("bad TCP listener settings: " + maxConnections + " connections, "
          + maxConnectionsPerAddress + " per address, lines of " + maxLineLength + " bytes, " + writerThreads
          + " writer threads, chunks of " + chunkBytes + " bytes, idle timeout " + idleTimeoutMillis
          + " ms, line timeout " + lineTimeoutMillis + " ms");
    }
  }

  public static TcpConfig from(SettingsRegistry r) {
    return new TcpConfig(r.booleanValue(TcpSettings.ENABLED), r.stringValue(TcpSettings.BIND),
        (int) r.longValue(TcpSettings.PORT), (int) r.longValue(TcpSettings.MAX_CONNECTIONS),
        (int) r.longValue(TcpSettings.MAX_LINE_LENGTH), r.longValue(TcpSettings.IDLE_TIMEOUT),
        Precision.fromQueryParameter(r.stringValue(TcpSettings.PRECISION)), (int) r.longValue(TcpSettings.WRITER_THREADS),
        DEFAULT_CHUNK_BYTES, (int) r.longValue(TcpSettings.MAX_CONNECTIONS_PER_ADDRESS),
        r.longValue(TcpSettings.LINE_TIMEOUT));
  }

  /** The defaults on 127.0.0.1 and a free port: for tests and benchmarks. */
  public static TcpConfig loopback() {
    return new TcpConfig(true, "127.0.0.1", 0, 512, 64 << 10, 600_000, Precision.NANOSECONDS, 2, DEFAULT_CHUNK_BYTES,
        DEFAULT_MAX_CONNECTIONS_PER_ADDRESS, DEFAULT_LINE_TIMEOUT_MILLIS);
  }

  public TcpConfig withMaxLineLength(int bytes) {
    return new TcpConfig(enabled, bindHost, port, maxConnections, bytes, idleTimeoutMillis, precision, writerThreads,
        chunkBytes, maxConnectionsPerAddress, lineTimeoutMillis);
  }

  public TcpConfig withChunkBytes(int bytes) {
    return new TcpConfig(enabled, bindHost, port, maxConnections, maxLineLength, idleTimeoutMillis, precision,
        writerThreads, bytes, maxConnectionsPerAddress, lineTimeoutMillis);
  }

  public TcpConfig withMaxConnections(int connections) {
    return new TcpConfig(enabled, bindHost, port, connections, maxLineLength, idleTimeoutMillis, precision,
        writerThreads, chunkBytes, maxConnectionsPerAddress, lineTimeoutMillis);
  }

  public TcpConfig withIdleTimeoutMillis(long millis) {
    return new TcpConfig(enabled, bindHost, port, maxConnections, maxLineLength, millis, precision, writerThreads,
        chunkBytes, maxConnectionsPerAddress, lineTimeoutMillis);
  }

  public TcpConfig withWriterThreads(int threads) {
    return new TcpConfig(enabled, bindHost, port, maxConnections, maxLineLength, idleTimeoutMillis, precision,
        threads, chunkBytes, maxConnectionsPerAddress, lineTimeoutMillis);
  }

  public TcpConfig withMaxConnectionsPerAddress(int connections) {
    return new TcpConfig(enabled, bindHost, port, maxConnections, maxLineLength, idleTimeoutMillis, precision,
        writerThreads, chunkBytes, connections, lineTimeoutMillis);
  }

  public TcpConfig withLineTimeoutMillis(long millis) {
    return new TcpConfig(enabled, bindHost, port, maxConnections, maxLineLength, idleTimeoutMillis, precision,
        writerThreads, chunkBytes, maxConnectionsPerAddress, millis);
  }

  /** The most bytes the listener holds at once: a buffer per writer thread and an unfinished line per connection. */
  public long bufferedBytesBound() {
    return (long) writerThreads * (chunkBytes + maxLineLength) + (long) maxConnections * maxLineLength;
  }
}
