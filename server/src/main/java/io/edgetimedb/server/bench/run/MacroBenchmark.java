package io.edgetimedb.server.bench.run;

import io.edgetimedb.server.bench.BenchQuery;
import io.edgetimedb.server.bench.Peer;
import io.edgetimedb.server.bench.PeerContext;
import io.edgetimedb.server.bench.PeerUnavailable;
import io.edgetimedb.server.bench.edgetimedb.EdgeTimeDbTargets;
import io.edgetimedb.server.bench.report.Machine;
import io.edgetimedb.server.bench.report.ResultCharts;
import io.edgetimedb.server.bench.report.ResultJson;
import io.edgetimedb.server.bench.report.ResultTable;
import io.edgetimedb.server.bench.report.RunReport;
import io.edgetimedb.server.bench.report.RunSettings;
import io.edgetimedb.server.bench.report.TargetReport;
import io.edgetimedb.server.bench.stats.LatencySummary;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The macro benchmark: for each sensor count, EdgeTimeDB through each of its four ways in, then
 * each peer asked for, each on a fresh instance in a {@link TargetRound}; then the run's JSON,
 * {@code results.md} and charts in the output directory. EdgeTimeDB failing fails the run; a peer
 * that is not found, cannot start or fails is skipped with one line, and the run goes on.
 */
public final class MacroBenchmark {
  private final RunPlan plan;
  private final PrintStream log;
  private final List<TargetReport> results = new ArrayList<>();
  private final Set<String> skipped = new LinkedHashSet<>();

  public MacroBenchmark(RunPlan plan, PrintStream log) {
    this.plan = plan;
    this.log = log;
  }

  /**
   * Checks the peer names before anything runs: each must be a peer the issue names or one found
   * on the class path or in {@code peerJars}, so a typo is an error, not a silently missing row.
   */
  public static void checkPeerNames(List<String> names, Path peerJars) throws IOException {
    try (PeerDirectory peers = new PeerDirectory(peerJars)) {
      for (String name : names) {
        if (!PeerDirectory.KNOWN.contains(name) && peers.find(name) == null) {
          throw new IllegalArgumentException("unknown peer '" + name + "': the peers are "
              + String.join(", ", PeerDirectory.KNOWN));
        }
      }
    }
  }

  /** Runs everything and writes the results; returns the JSON file. */
  public Path run() throws Exception {
    Machine machine = Machine.atStart();
    Files.createDirectories(plan.out());
    log.printf(Locale.ROOT, "bench: sensors %s, %d ms ingest phase per target, peers %s, results in %s%n",
        plan.sensors(), plan.ingestMillis(), plan.peers().isEmpty() ? "none" : plan.peers(), plan.out());
    try (PeerDirectory peers = new PeerDirectory(plan.peerJars())) {
      for (int sensors : plan.sensors()) {
        for (String name : EdgeTimeDbTargets.NAMES) {
          round(sensors, work -> Entrant.of(EdgeTimeDbTargets.start(name, work)));
        }
        for (String name : plan.peers()) {
          peerRound(peers, name, sensors);
        }
      }
    }
    RunReport report = new RunReport(machine.atEnd(), settings(), List.copyOf(results), List.copyOf(skipped));
    Path json = ResultJson.write(report, plan.out());
    List<Path> charts = ResultCharts.write(report, plan.out());
    ResultTable.write(report, charts, plan.out());
    log.println("bench: wrote " + json.getFileName() + ", " + ResultTable.FILE_NAME + " and " + charts.size()
        + " charts to " + plan.out());
    return json;
  }

  private RunSettings settings() {
    return new RunSettings(plan.sensors(), plan.ingestMillis() / 1000.0, DataTime.PREFIX_SECONDS,
        RunPlan.QUERIES_PER_SECOND, plan.quietRepetitions(), plan.quick(), plan.peers());
  }

  private interface EntrantStart {
    Entrant start(Path workDirectory) throws Exception;
  }

  private void round(int sensors, EntrantStart start) throws Exception {
    // the previous target's data is garbage now: collect it, so this target's heap figures start clean
    System.gc();
    Path work = Files.createTempDirectory("edgetimedb-bench-");
    try {
      TargetReport report;
      try (Entrant entrant = start.start(work)) {
        report = new TargetRound(entrant, sensors, plan, work).run();
      }
      results.add(report);
      log.println(summary(report));
    } finally {
      deleteTree(work);
    }
  }

  private void peerRound(PeerDirectory peers, String name, int sensors) throws Exception {
    Peer peer = peers.find(name);
    if (peer == null) {
      skip("peer " + name + ": not found on the class path or in " + plan.peerJars() + "; skipped");
      return;
    }
    try {
      round(sensors, work -> Entrant.peer(peer.start(new PeerContext(work, plan.peerJars(), sensors, log))));
    } catch (PeerUnavailable e) {
      skip("peer " + name + ": unavailable (" + e.getMessage() + "); skipped");
    } catch (Exception e) {
      skip("peer " + name + " at " + sensors + " sensors failed (" + e + "); skipped");
    }
  }

  private void skip(String line) {
    if (skipped.add(line)) {
      log.println("bench: " + line);
    }
  }

  private static String summary(TargetReport r) {
    LatencySummary range = r.quietEmbedded().get(BenchQuery.ONE_HOUR_RANGE);
    return String.format(Locale.ROOT, "bench: %s, %,d sensors (%s): %,.0f points/s while %d questions were asked;"
            + " 1-hour range p50 %.3f ms in quiet; %.2f bytes/point", r.target(), r.sensors(), r.storage(),
        r.ingest().pointsPerSecond(), r.ingest().queriesAsked(), range.p50Millis(),
        r.storageFigures().bytesPerPoint());
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
