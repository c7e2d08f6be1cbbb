package io.edgetimedb.server.ingest;

import io.edgetimedb.server.metrics.ServerMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToDoubleFunction;

/**
 * What a socket listener took in and what became of it. The protocols have no reply channel, so
 * these counters (on {@code /metrics}) and the log are the only place a sender's mistakes show.
 * Monotonic; written by the listener's threads, read from any thread.
 */
public final class IngestCounters {
  private final LongAdder bytesReceived = new LongAdder();
  private final LongAdder linesReceived = new LongAdder();
  private final LongAdder pointsWritten = new LongAdder();
  private final AtomicLong refusedByParser = new AtomicLong();
  private final AtomicLong refusedByDatabase = new AtomicLong();
  private final AtomicLong refusedTooLong = new AtomicLong();
  private final AtomicLong droppedIncomplete = new AtomicLong();
  private final AtomicLong writeFailures = new AtomicLong();
  /** The server-wide ingest meters, which add up every protocol; null outside a server. */
  private volatile ServerMetrics server;

  /** Bytes read from the sockets. */
  public long bytesReceived() {
    return bytesReceived.sum();
  }

  /** Lines that held a point or tried to (blank and comment lines not counted), over-long ones included. */
  public long linesReceived() {
    return linesReceived.sum();
  }

  public long pointsWritten() {
    return pointsWritten.sum();
  }

  /** Malformed lines. */
  public long refusedByParser() {
    return refusedByParser.get();
  }

  /** Lines the database refused (type conflict, too old, value too long, ...). */
  public long refusedByDatabase() {
    return refusedByDatabase.get();
  }

  /** Lines longer than the listener's limit, skipped up to their line end. */
  public long refusedTooLong() {
    return refusedTooLong.get();
  }

  /** Unterminated last lines of connections that ended (a stream cut mid-line may have cut a value). */
  public long droppedIncomplete() {
    return droppedIncomplete.get();
  }

  /** Chunks whose {@code Database.write} threw (disk full, failed fsync): their points are lost. */
  public long writeFailures() {
    return writeFailures.get();
  }

  void received(long lines) {
    linesReceived.add(lines);
  }

  void written(long points) {
    pointsWritten.add(points);
    ServerMetrics total = server;
    if (total != null) {
      total.pointsWritten(points);
    }
  }

  void refused(long byParser, long byDatabase) {
    refusedByParser.addAndGet(byParser);
    refusedByDatabase.addAndGet(byDatabase);
    ServerMetrics total = server;
    if (total != null) {
      total.linesRefused(byParser, byDatabase);
    }
  }

  void writeFailed() {
    writeFailures.incrementAndGet();
  }

  public void bytes(long n) {
    bytesReceived.add(n);
  }

  public void tooLong() {
    linesReceived.increment();
    refusedTooLong.incrementAndGet();
  }

  public void incomplete() {
    droppedIncomplete.incrementAndGet();
  }

  /**
   * Also counts written points and refused lines into the server-wide {@code
   * edgetimedb.points.written} and {@code edgetimedb.lines.refused}, so one rate covers every way in.
   */
  public void alsoCountInto(ServerMetrics metrics) {
    server = metrics;
  }

  /**
   * Registers the counters as {@code edgetimedb.<protocol>.*}: bytes, lines received, lines
   * refused by reason (parse, database, too-long), incomplete lines dropped, points written and
   * write failures.
   */
  public void bindTo(MeterRegistry registry, String protocol) {
    String p = "edgetimedb." + protocol + ".";
    counter(registry, p + "bytes.received", null, "Bytes read from " + protocol + " senders",
        IngestCounters::bytesReceived);
    counter(registry, p + "lines.received", null, "Line-protocol lines received over " + protocol,
        IngestCounters::linesReceived);
    String refused = "Lines received over " + protocol + " and not written";
    counter(registry, p + "lines.refused", "parse", refused, IngestCounters::refusedByParser);
    counter(registry, p + "lines.refused", "database", refused, IngestCounters::refusedByDatabase);
    counter(registry, p + "lines.refused", "too-long", refused, IngestCounters::refusedTooLong);
    counter(registry, p + "lines.incomplete", null, "Unterminated last lines of ended " + protocol
        + " connections, dropped", IngestCounters::droppedIncomplete);
    counter(registry, p + "points.written", null, "Points written from " + protocol + " senders",
        IngestCounters::pointsWritten);
    counter(registry, p + "write.failures", null, "Chunks of " + protocol + " lines whose database write failed",
        IngestCounters::writeFailures);
  }

  private void counter(MeterRegistry registry, String name, String reason, String description,
      ToDoubleFunction<IngestCounters> count) {
    FunctionCounter.Builder<IngestCounters> builder = FunctionCounter.builder(name, this, count)
        .description(description);
    if (reason != null) {
      builder.tag("reason", reason);
    }
    builder.register(registry);
  }
}
