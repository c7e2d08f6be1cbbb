package io.edgetimedb.server.bench.report;

import io.edgetimedb.server.bench.BenchQuery;
import io.edgetimedb.server.bench.stats.LatencySummary;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Run reports with known figures, for the writers' tests: EdgeTimeDB's tcp way in and one peer, at two sensor counts. */
final class SampleReports {
  private SampleReports() {}

  static RunReport twoTargetsTwoCounts() {
    List<TargetReport> targets = new ArrayList<>();
    for (int sensors : List.of(100, 1_000)) {
      targets.add(target("edgetimedb/tcp", sensors, "durable", latencies(0.5), latencies(1.5),
          Map.of("temperature", 0.8, "status", 0.1)));
      targets.add(target("sqlite/jdbc", sensors, "as the peer keeps it", latencies(2.0), null, Map.of()));
    }
    Machine machine = new Machine(2, 8L << 30, 1L << 30, "OpenJDK 17", "Linux 6.1 amd64", 1.5, 2.5,
        "2026-11-27T10:00:00Z", "2026-11-27T10:05:00Z", null);
    RunSettings settings = new RunSettings(List.of(100, 1_000), 20, 3_600, 10, 100, false, List.of("sqlite"));
    return new RunReport(machine, settings, targets, List.of("peer questdb: unavailable (no jar); skipped"));
  }

  private static TargetReport target(String name, int sensors, String storage, Map<BenchQuery, LatencySummary> quiet,
      Map<BenchQuery, LatencySummary> remote, Map<String, Double> byMeasurement) {
    IngestFigures ingest = new IngestFigures(3_600L * sensors, 20_000_000, 20.0, 1_000_000.0 * sensors / 100, 7_200,
        200, 3);
    List<MemorySample> memory = List.of(new MemorySample(0, 0, 50L << 20), new MemorySample(1, 10L << 20, 60L << 20),
        new MemorySample(2, 20L << 20, 61L << 20));
    return new TargetReport(name, sensors, storage, ingest, latencies(3.0), quiet, remote, memory,
        new StorageFigures(20_000_000, 30_000_000, 1.5, byMeasurement));
  }

  /** p50 {@code base} ms for the first question, one more per question; p99 twice p50. */
  static Map<BenchQuery, LatencySummary> latencies(double base) {
    Map<BenchQuery, LatencySummary> out = new EnumMap<>(BenchQuery.class);
    for (BenchQuery q : BenchQuery.values()) {
      double p50 = base + q.ordinal();
      out.put(q, new LatencySummary(100, p50, 2 * p50));
    }
    return out;
  }
}
