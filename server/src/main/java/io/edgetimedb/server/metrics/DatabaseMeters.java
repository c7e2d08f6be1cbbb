package io.edgetimedb.server.metrics;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.durability.CheckpointStatus;
import io.edgetimedb.engine.health.Severity;
import io.edgetimedb.engine.memory.MeasurementMemory;
import io.edgetimedb.engine.memory.MemoryUsage;
import io.edgetimedb.engine.wal.WalStatus;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * The engine's figures as meters: memory against the budget, series, points and bytes per
 * measurement, and for a durable database the log and the checkpoints. The figures are read
 * once per scrape ({@link #refresh}) into a snapshot that every gauge reads, because the memory
 * report walks every series: once per scrape is fine, once per gauge is not. Measurements that
 * appear get their gauges at the next refresh, dropped ones lose them.
 */
final class DatabaseMeters implements MeterBinder {
  private final Database db;
  private volatile Snapshot snapshot;
  private MeterRegistry registry;
  private final Map<String, List<Meter>> measurementMeters = new HashMap<>();
  private final Map<String, Meter> conditionMeters = new HashMap<>();

  /** The figures of one scrape; the log and checkpoint parts are null for an in-memory database. */
  private record Snapshot(MemoryUsage memory, Map<String, MeasurementMemory> byMeasurement, WalStatus wal,
      CheckpointStatus checkpoints) {}

  DatabaseMeters(Database db) {
    this.db = db;
    this.snapshot = read();
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    this.registry = registry;
    bindMemory();
    bindHealth();
    FunctionCounter.builder("edgetimedb.points.refused.limit", db, Database::refusedByLimits)
        .description("Points refused by ingest.max-fields or ingest.max-series (per source: sys.sources)")
        .register(registry);
    if (db.config().durable()) {
      bindLog();
      bindCheckpoints();
    }
    refresh();
  }

  private void bindMemory() {
    gauge("edgetimedb.memory.used", "bytes", "Bytes the engine holds (heads, chunks, index, dictionaries)",
        s -> s.memory().total());
    gauge("edgetimedb.memory.budget", "bytes", "Bytes the engine may hold (DatabaseConfig.memoryBudgetBytes)",
        s -> s.memory().budget());
    memoryKind("heads", s -> s.memory().heads());
    memoryKind("chunks", s -> s.memory().chunks());
    memoryKind("index", s -> s.memory().index());
    memoryKind("dictionaries", s -> s.memory().dictionaries());
    gauge("edgetimedb.measurements", null, "Measurements in the database", s -> s.byMeasurement().size());
  }

  private void memoryKind(String kind, ToDoubleFunction<Snapshot> bytes) {
    Gauge.builder("edgetimedb.memory.held", this, m -> bytes.applyAsDouble(m.snapshot)).tag("kind", kind)
        .baseUnit("bytes").description("Bytes the engine holds, by kind").strongReference(true).register(registry);
  }

  /** One gauge per severity: how many conditions of it are in force (0 when all is well). */
  private void bindHealth() {
    for (Severity severity : Severity.values()) {
      Gauge.builder("edgetimedb.health.conditions", db.health(),
              h -> h.current().stream().filter(c -> c.severity() == severity).count())
          .tag("severity", severity.status()).description("Health conditions in force, by severity (see /health)")
          .strongReference(true).register(registry);
    }
  }

  /** A counter per condition name, registered when the condition is first raised. */
  private Meter bindCondition(String name) {
    return FunctionCounter.builder("edgetimedb.health.raised", db.health(),
            h -> h.raisedCounts().getOrDefault(name, 0L))
        .tag("condition", name).description("Times a health condition was raised (damage found, data lost, ...)")
        .register(registry);
  }

  private void bindLog() {
    gauge("edgetimedb.wal.segments", null, "Write-ahead log segment files", s -> s.wal().segments());
    gauge("edgetimedb.wal.size", "bytes", "Bytes of the write-ahead log's segment files", s -> s.wal().bytes());
    gauge("edgetimedb.wal.failed", null, "1 when the log refuses writes after a failed fsync (reopen to recover)",
        s -> s.wal().failed() ? 1 : 0);
    counter("edgetimedb.wal.fsyncs", "Fsyncs of the write-ahead log", s -> s.wal().fsyncs());
    TimeGauge.builder("edgetimedb.wal.last.fsync", this, TimeUnit.NANOSECONDS, m -> m.snapshot.wal().lastFsyncNanos())
        .description("Duration of the log's last fsync").strongReference(true).register(registry);
  }

  private void bindCheckpoints() {
    counter("edgetimedb.checkpoints.written", "Checkpoints written and verified", s -> s.checkpoints().written());
    counter("edgetimedb.checkpoints.failed", "Checkpoint attempts that failed", s -> s.checkpoints().failed());
    gauge("edgetimedb.checkpoint.last.timestamp", "seconds", "When the last checkpoint was written, epoch seconds"
        + " (0 before the first)", s -> s.checkpoints().lastWrittenMillis() / 1000.0);
    TimeGauge.builder("edgetimedb.checkpoint.last.duration", this, TimeUnit.NANOSECONDS,
            m -> m.snapshot.checkpoints().lastDurationNanos())
        .description("How long the last checkpoint took to write and verify").strongReference(true)
        .register(registry);
  }

  private void gauge(String name, String unit, String description, ToDoubleFunction<Snapshot> value) {
    Gauge.builder(name, this, m -> value.applyAsDouble(m.snapshot)).baseUnit(unit).description(description)
        .strongReference(true).register(registry);
  }

  private void counter(String name, String description, ToDoubleFunction<Snapshot> value) {
    FunctionCounter.builder(name, this, m -> value.applyAsDouble(m.snapshot)).description(description)
        .register(registry);
  }

  /** Reads the engine's figures now and adds or removes per-measurement gauges to match. */
  synchronized void refresh() {
    if (db.isClosed()) {
      return;
    }
    snapshot = read();
    db.health().raisedCounts().keySet().forEach(name -> conditionMeters.computeIfAbsent(name, this::bindCondition));
    for (String name : snapshot.byMeasurement().keySet()) {
      measurementMeters.computeIfAbsent(name, this::bindMeasurement);
    }
    measurementMeters.entrySet().removeIf(e -> {
      if (snapshot.byMeasurement().containsKey(e.getKey())) {
        return false;
      }
      e.getValue().forEach(registry::remove);
      return true;
    });
  }

  private List<Meter> bindMeasurement(String name) {
    List<Meter> meters = new ArrayList<>(3);
    meters.add(measurementGauge(name, "edgetimedb.measurement.series", null, "Series of the measurement",
        MeasurementMemory::series));
    meters.add(measurementGauge(name, "edgetimedb.measurement.points", null, "Points the measurement holds",
        MeasurementMemory::points));
    meters.add(measurementGauge(name, "edgetimedb.measurement.data", "bytes",
        "Bytes of the measurement's raw data, heads plus chunks (sys.storage.bytes)", MeasurementMemory::dataBytes));
    return meters;
  }

  private Meter measurementGauge(String measurement, String name, String unit, String description,
      ToDoubleFunction<MeasurementMemory> value) {
    return Gauge.builder(name, this, m -> {
      MeasurementMemory memory = m.snapshot.byMeasurement().get(measurement);
      return memory == null ? Double.NaN : value.applyAsDouble(memory);
    }).tag("measurement", measurement).baseUnit(unit).description(description).strongReference(true)
        .register(registry);
  }

  private Snapshot read() {
    MemoryUsage memory = db.memoryUsage();
    Map<String, MeasurementMemory> byMeasurement = new HashMap<>();
    for (MeasurementMemory m : memory.measurements()) {
      byMeasurement.put(m.measurement(), m);
    }
    return new Snapshot(memory, byMeasurement, db.walStatus(), db.checkpointStatus());
  }
}
