package io.edgetimedb.server.tcp;

import io.edgetimedb.server.ingest.IngestCounters;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The TCP listener's counters: connections, back-pressure, the bytes it holds, and (in {@link
 * #ingest()}) what became of the lines. Written by the listener's threads, read from any.
 */
public final class TcpStatistics {
  private final IngestCounters ingest = new IngestCounters();
  private final AtomicLong accepted = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong refusedPerAddress = new AtomicLong();
  private final AtomicLong lineTimeouts = new AtomicLong();
  private final AtomicLong idleClosed = new AtomicLong();
  private final AtomicInteger open = new AtomicInteger();
  private final AtomicLong pauses = new AtomicLong();
  private final AtomicLong buffered = new AtomicLong();
  private final AtomicLong peakBuffered = new AtomicLong();

  public IngestCounters ingest() {
    return ingest;
  }

  /** Connections taken, refused ones not included. */
  public long connectionsAccepted() {
    return accepted.get();
  }

  /** Connections closed at once because {@code tcp.max-connections} were open. */
  public long connectionsRefused() {
    return refused.get();
  }

  /** Connections closed at once because their sender's address held {@code tcp.max-connections-per-address}. */
  public long connectionsRefusedPerAddress() {
    return refusedPerAddress.get();
  }

  /** Connections closed because they completed no line for {@code tcp.line-timeout} while owing one. */
  public long connectionsLineTimedOut() {
    return lineTimeouts.get();
  }

  /** Connections closed because they were silent for {@code tcp.idle-timeout}. */
  public long connectionsIdleClosed() {
    return idleClosed.get();
  }

  public int connectionsOpen() {
    return open.get();
  }

  /**
   * Times a connection with data waiting found every writer thread busy: its socket was not read
   * until one was free, so its sender was slowed down by TCP flow control.
   */
  public long backPressurePauses() {
    return pauses.get();
  }

  /** Bytes read from sockets and not yet parsed and written (unfinished lines included). */
  public long bufferedBytes() {
    return buffered.get();
  }

  /** The most {@link #bufferedBytes()} ever was. */
  public long peakBufferedBytes() {
    return peakBuffered.get();
  }

  void accepted() {
    accepted.incrementAndGet();
    open.incrementAndGet();
  }

  void refused() {
    refused.incrementAndGet();
  }

  void refusedPerAddress() {
    refusedPerAddress.incrementAndGet();
  }

  void lineTimedOut() {
    lineTimeouts.incrementAndGet();
  }

  void closed(boolean idle) {
    open.decrementAndGet();
    if (idle) {
      idleClosed.incrementAndGet();
    }
  }

  void paused() {
    pauses.incrementAndGet();
  }

  void buffered(long delta) {
    long now = buffered.addAndGet(delta);
    if (delta > 0) {
      peakBuffered.accumulateAndGet(now, Math::max);
    }
  }

  /** Registers the counters as {@code edgetimedb.tcp.*} meters, the line counters included. */
  public void bindTo(MeterRegistry registry) {
    ingest.bindTo(registry, "tcp");
    FunctionCounter.builder("edgetimedb.tcp.connections.accepted", this, TcpStatistics::connectionsAccepted)
        .description("TCP connections accepted").register(registry);
    FunctionCounter.builder("edgetimedb.tcp.connections.refused", this, TcpStatistics::connectionsRefused)
        .description("TCP connections closed on arrival because a limit was reached").tag("limit", "total")
        .register(registry);
    FunctionCounter.builder("edgetimedb.tcp.connections.refused", this, TcpStatistics::connectionsRefusedPerAddress)
        .description("TCP connections closed on arrival because a limit was reached").tag("limit", "per-address")
        .register(registry);
    FunctionCounter.builder("edgetimedb.tcp.connections.line.timeout", this, TcpStatistics::connectionsLineTimedOut)
        .description("TCP connections closed after tcp.line-timeout without completing a line").register(registry);
    FunctionCounter.builder("edgetimedb.tcp.connections.idle.closed", this, TcpStatistics::connectionsIdleClosed)
        .description("TCP connections closed after tcp.idle-timeout without data").register(registry);
    Gauge.builder("edgetimedb.tcp.connections.open", this, TcpStatistics::connectionsOpen)
        .description("TCP connections open now").register(registry);
    FunctionCounter.builder("edgetimedb.tcp.backpressure.pauses", this, TcpStatistics::backPressurePauses)
        .description("Times a TCP connection with data waiting was not read because every writer thread was busy")
        .register(registry);
    Gauge.builder("edgetimedb.tcp.buffered.bytes", this, TcpStatistics::bufferedBytes)
        .description("Bytes read from TCP connections and not yet written").baseUnit("bytes").register(registry);
  }
}
