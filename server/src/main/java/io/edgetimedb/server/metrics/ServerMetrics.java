package io.edgetimedb.server.metrics;

import io.edgetimedb.engine.Database;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The server's meters in one Micrometer registry rendered for Prometheus: what the ways in
 * (HTTP writes, SQL queries) record, the engine's figures read at each scrape, and the JVM's
 * memory, GC, threads and CPU. Names are listed in {@code docs/http-api.md}.
 *
 * <p>Thread-safe: request threads record while a scrape runs.
 */
public final class ServerMetrics implements AutoCloseable {
  /** Content type of {@link #scrape}: Prometheus text format 0.0.4. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final DatabaseMeters database;
  private final JvmGcMetrics gc = new JvmGcMetrics();
  private final Counter pointsWritten;
  private final Counter linesRefusedByParser;
  private final Counter linesRefusedByDatabase;
  private final Counter linesTooLong;
  private final Timer queries;

  /** Meters for a server over {@code db}; the database's figures are read at each scrape. */
  public ServerMetrics(Database db) {
    database = new DatabaseMeters(db);
    database.bindTo(registry);
    new JvmMemoryMetrics().bindTo(registry);
    gc.bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    pointsWritten = Counter.builder("edgetimedb.points.written")
        .description("Points written into the database through the ingestion protocols").register(registry);
    linesRefusedByParser = linesRefused("parse");
    linesRefusedByDatabase = linesRefused("database");
    linesTooLong = linesRefused("too-long");
    queries = Timer.builder("edgetimedb.query.duration")
        .description("Time to execute a SQL statement, as the SQL endpoint records it")
        .publishPercentiles(0.5, 0.99)
        .distributionStatisticExpiry(Duration.ofMinutes(1))
        .register(registry);
  }

  private Counter linesRefused(String reason) {
    return Counter.builder("edgetimedb.lines.refused").tag("reason", reason)
        .description("Line-protocol lines not written: malformed (parse), refused by the database or too long")
        .register(registry);
  }

  /** The registry, for ways in that bring meters of their own. */
  public PrometheusMeterRegistry registry() {
    return registry;
  }

  /** The timer the SQL side records each statement's execution into ({@code edgetimedb_query_duration_seconds}). */
  public Timer queryTimer() {
    return queries;
  }

  public void pointsWritten(long points) {
    if (points > 0) {
      pointsWritten.increment(points);
    }
  }

  /** Lines a write request did not write: malformed ones and ones the database refused. */
  public void linesRefused(long malformed, long refusedByDatabase) {
    if (malformed > 0) {
      linesRefusedByParser.increment(malformed);
    }
    if (refusedByDatabase > 0) {
      linesRefusedByDatabase.increment(refusedByDatabase);
    }
  }

  /** Lines skipped for being longer than the line limit. */
  public void linesTooLong(long lines) {
    if (lines > 0) {
      linesTooLong.increment(lines);
    }
  }

  /**
   * One HTTP request answered; {@code endpoint} is the path, or {@code other} for unknown paths so
   * that scanners cannot create a series per path they try.
   */
  public void httpRequest(String endpoint, int status, long nanos) {
    Timer.builder("edgetimedb.http.requests").tag("endpoint", endpoint).tag("status", Integer.toString(status))
        .description("HTTP requests by path and answered status")
        .register(registry).record(nanos, TimeUnit.NANOSECONDS);
  }

  /** Every meter in Prometheus' text format, the engine's figures read now. */
  public String scrape() {
    database.refresh();
    return registry.scrape();
  }

  /** {@link #scrape()} straight into a stream. */
  public void scrape(OutputStream out) throws IOException {
    database.refresh();
    registry.scrape(out);
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
