package io.edgetimedb.server.bench.report;

import io.edgetimedb.server.bench.BenchQuery;
import io.edgetimedb.server.bench.stats.LatencySummary;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * A run's figures as markdown ({@code results.md}): the machine and settings, then one table per
 * figure (ingest, query latency under load, in quiet embedded and remote, memory, bytes per
 * point), a row per target and sensor count, and the charts beside it. The README quotes it.
 */
public final class ResultTable {
  public static final String FILE_NAME = "results.md";

  private ResultTable() {}

  public static Path write(RunReport report, List<Path> charts, Path directory) throws IOException {
    Path file = directory.resolve(FILE_NAME);
    Files.writeString(file, render(report, charts), StandardCharsets.UTF_8);
    return file;
  }

  static String render(RunReport report, List<Path> charts) {
    StringBuilder out = new StringBuilder("# Macro benchmark (`edgetimedb bench`)\n\n");
    out.append(machine(report.machine())).append("\n\n").append(settings(report.settings())).append("\n\n");
    out.append("## Sustained ingest while 10 queries/s run\n\n").append(ingest(report)).append('\n');
    out.append("## Query latency under ingest load (embedded), p50 / p99 ms\n\n")
        .append(latencies(report, TargetReport::underLoad)).append('\n');
    out.append("## Query latency in quiet, embedded, p50 / p99 ms\n\n")
        .append(latencies(report, TargetReport::quietEmbedded)).append('\n');
    out.append("## Query latency in quiet, remote driver, p50 / p99 ms\n\n")
        .append(latencies(report, TargetReport::quietRemote)).append('\n');
    out.append("## Memory\n\n").append(memory(report)).append('\n');
    out.append("## Bytes per point\n\n").append(bytesPerPoint(report)).append('\n');
    if (!report.skipped().isEmpty()) {
      out.append("## Skipped\n\n");
      report.skipped().forEach(s -> out.append("- ").append(s).append('\n'));
      out.append('\n');
    }
    if (!charts.isEmpty()) {
      out.append("## Charts\n\n");
      charts.forEach(c -> out.append("![").append(c.getFileName()).append("](").append(c.getFileName()).append(")\n"));
    }
    return out.toString();
  }

  private static String machine(Machine m) {
    return String.format(Locale.ROOT, "Machine: %d cores, %s memory, %s, %s; load average %.2f at the start, %.2f "
            + "at the end; %s to %s; commit %s.", m.cores(), mebibytes(m.memoryBytes()), m.jvm(), m.os(),
        m.loadAverageStart(), m.loadAverageEnd(), m.startedAt(), m.finishedAt(),
        m.gitCommit() == null ? "unknown" : m.gitCommit());
  }

  private static String settings(RunSettings s) {
    return String.format(Locale.ROOT, "Run: sensors %s, ingest phase %.0f s per target after a %d s (data time) "
            + "prefix, %d queries/s during it, %d repetitions per question in quiet%s; peers asked for: %s.",
        s.sensors(), s.ingestSeconds(), s.prefixDataSeconds(), s.queriesPerSecond(), s.quietRepetitions(),
        s.quick() ? " (--quick: a smoke run, not a measurement)" : "", s.peers().isEmpty() ? "none" : s.peers());
  }

  private static String ingest(RunReport report) {
    MarkdownTable table = new MarkdownTable(List.of("target", "sensors", "storage", "points/s", "points in phase",
        "phase s", "data time covered", "queries asked (late)"));
    for (TargetReport t : report.targets()) {
      IngestFigures i = t.ingest();
      table.row(List.of(t.target(), count(t.sensors()), t.storage(), count(Math.round(i.pointsPerSecond())),
          count(i.points()), String.format(Locale.ROOT, "%.1f", i.seconds()), i.dataSecondsCovered() + " s",
          i.queriesAsked() + " (" + i.queriesBehind() + ")"));
    }
    return table.render();
  }

  private static String latencies(RunReport report,
      java.util.function.Function<TargetReport, Map<BenchQuery, LatencySummary>> which) {
    List<String> header = new ArrayList<>(List.of("target", "sensors"));
    for (BenchQuery q : BenchQuery.values()) {
      header.add(q.name().toLowerCase(Locale.ROOT));
    }
    MarkdownTable table = new MarkdownTable(header);
    for (TargetReport t : report.targets()) {
      Map<BenchQuery, LatencySummary> figures = which.apply(t);
      if (figures == null) {
        continue;
      }
      List<String> row = new ArrayList<>(List.of(t.target(), count(t.sensors())));
      for (BenchQuery q : BenchQuery.values()) {
        LatencySummary s = figures.get(q);
        row.add(s == null ? "-" : String.format(Locale.ROOT, "%s / %s", millis(s.p50Millis()), millis(s.p99Millis())));
      }
      table.row(row);
    }
    return table.render();
  }

  private static String memory(RunReport report) {
    MarkdownTable table = new MarkdownTable(List.of("target", "sensors", "engine at end", "engine max",
        "heap after GC at end", "heap after GC max", "samples"));
    for (TargetReport t : report.targets()) {
      List<MemorySample> samples = t.memory();
      MemorySample last = samples.get(samples.size() - 1);
      long engineMax = samples.stream().mapToLong(MemorySample::engineBytes).max().orElse(0);
      long heapMax = samples.stream().mapToLong(MemorySample::heapAfterGcBytes).max().orElse(0);
      table.row(List.of(t.target(), count(t.sensors()), mebibytes(last.engineBytes()), mebibytes(engineMax),
          mebibytes(last.heapAfterGcBytes()), mebibytes(heapMax), count(samples.size())));
    }
    return table.render();
  }

  private static String bytesPerPoint(RunReport report) {
    TreeSet<String> kinds = new TreeSet<>();
    report.targets().forEach(t -> kinds.addAll(t.storageFigures().bytesPerPointByMeasurement().keySet()));
    List<String> header = new ArrayList<>(List.of("target", "sensors", "points", "bytes held", "overall"));
    header.addAll(kinds);
    MarkdownTable table = new MarkdownTable(header);
    for (TargetReport t : report.targets()) {
      StorageFigures s = t.storageFigures();
      List<String> row = new ArrayList<>(List.of(t.target(), count(t.sensors()), count(s.points()),
          mebibytes(s.bytesHeld()), String.format(Locale.ROOT, "%.2f", s.bytesPerPoint())));
      for (String kind : kinds) {
        Double b = s.bytesPerPointByMeasurement().get(kind);
        row.add(b == null ? "-" : String.format(Locale.ROOT, "%.2f", b));
      }
      table.row(row);
    }
    return table.render();
  }

  private static String count(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  private static String millis(double ms) {
    return String.format(Locale.ROOT, ms < 10 ? "%.3f" : "%.1f", ms);
  }

  private static String mebibytes(long bytes) {
    return bytes < 0 ? "unknown" : String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
  }
}
