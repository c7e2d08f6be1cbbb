package io.edgetimedb.server.bench.run;

import io.edgetimedb.engine.simulation.SensorFeed;
import io.edgetimedb.server.bench.BenchQuery;
import io.edgetimedb.server.bench.BenchTarget;
import io.edgetimedb.server.bench.QueryArguments;
import io.edgetimedb.server.bench.report.IngestFigures;
import io.edgetimedb.server.bench.report.MemorySample;
import io.edgetimedb.server.bench.report.StorageFigures;
import io.edgetimedb.server.bench.report.TargetReport;
import io.edgetimedb.server.bench.stats.Latencies;
import io.edgetimedb.server.bench.stats.LatencySummary;
import io.edgetimedb.server.transfer.TransferProgress;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One target at one sensor count, on a fresh instance:
 * <ol>
 *   <li>the feed starts (from this process, or from a {@code simulate} process for a line-protocol
 *       target) and runs until an hour of data time is in: the prefix, not timed;
 *   <li>one untimed question of each kind (the client's first use: preparing, planning);
 *   <li>the ingest phase: the feed keeps running for the phase's wall-clock time while a client asks
 *       10 questions a second; the rate is the points the target took during the phase over its length;
 *   <li>the feed stops and what was sent settles;
 *   <li>the quiet phase: each question a fixed number of times (after one untimed warm-up), in process,
 *       then through the remote driver where there is one;
 *   <li>storage: points held, bytes held, bytes per point by measurement.
 * </ol>
 * Memory is sampled throughout.
 */
final class TargetRound {
  static final long SEED = 1;
  private static final long POLL_MILLIS = 100;
  private static final long PREFIX_TIMEOUT_MILLIS = 30 * 60_000L;

  private final Entrant entrant;
  private final BenchTarget target;
  private final int sensors;
  private final RunPlan plan;
  private final DataTime time;
  private final Path workDirectory;
  private final AtomicLong written = new AtomicLong();

  TargetRound(Entrant entrant, int sensors, RunPlan plan, Path workDirectory) {
    this.entrant = entrant;
    this.target = entrant.target();
    this.sensors = sensors;
    this.plan = plan;
    this.workDirectory = workDirectory;
    // The feed runs far faster than real time, so the data is history that must end before now:
    // ahead of the clock EdgeTimeDB refuses it (ingest.future-bound). On a whole minute, so the
    // 1-minute buckets of an hour are 60.
    long now = System.currentTimeMillis();
    this.time = new DataTime(now - now % 60_000 - DataTime.historyMillis(sensors, plan.ingestMillis()), sensors);
  }

  TargetReport run() throws Exception {
    try (MemorySampler memory = new MemorySampler(target, plan.sampleMillis())) {
      IngestFigures ingest;
      QueryLoad load;
      try (Ingest feed = feed()) {
        feed.start();
        awaitPrefix(feed);
        warmUp();
        load = new QueryLoad(target, new QuestionDraw(time, SEED), written::get, RunPlan.QUERIES_PER_SECOND);
        ingest = ingestPhase(feed, load);
      }
      settle();
      Map<BenchQuery, LatencySummary> embedded = quiet(target::query);
      Map<BenchQuery, LatencySummary> remote = entrant.remote() == null ? null : quiet(entrant.remote());
      StorageFigures storage = storage();
      List<MemorySample> samples = memory.finish();
      return new TargetReport(target.name(), sensors, entrant.storage(), ingest, load.summaries(), embedded, remote,
          samples, storage);
    }
  }

  private Ingest feed() {
    if (target.lineProtocolAddress() == null) {
      return new WriteLoop(target, new SensorFeed(sensors, SEED, time.startMillis(), DataTime.PERIOD_MILLIS),
          time.prefixPoints());
    }
    return new SimulateProcess(target, time, SEED, workDirectory.resolve("simulate.log"));
  }

  private void awaitPrefix(Ingest feed) throws Exception {
    long deadline = System.currentTimeMillis() + PREFIX_TIMEOUT_MILLIS;
    for (written.set(feed.written()); written.get() < time.prefixPoints(); written.set(feed.written())) {
      if (System.currentTimeMillis() > deadline) {
        throw new IllegalStateException(target.name() + " took only " + written.get() + " of the prefix's "
            + time.prefixPoints() + " points in " + PREFIX_TIMEOUT_MILLIS / 60_000 + " minutes");
      }
      Thread.sleep(POLL_MILLIS);
    }
  }

  /** One untimed question of each kind, so the first timed one does not carry the client's first-use costs. */
  private void warmUp() throws Exception {
    QuestionDraw draw = new QuestionDraw(time, SEED + 2);
    for (BenchQuery q : BenchQuery.values()) {
      target.query(q, draw.draw(written.get()));
    }
  }

  private IngestFigures ingestPhase(Ingest feed, QueryLoad load) throws Exception {
    long before = feed.written();
    written.set(before);
    long started = System.nanoTime();
    long end = started + plan.ingestMillis() * 1_000_000;
    load.start();
    try (TransferProgress progress = TransferProgress.start(target.name() + " " + sensors + " sensors",
        plan.ingestMillis() / 1000, "s", false)) {
      long shownSeconds = 0;
      while (System.nanoTime() < end) {
        Thread.sleep(Math.min(POLL_MILLIS, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
        written.set(feed.written());
        long seconds = (System.nanoTime() - started) / 1_000_000_000;
        progress.advance(seconds - shownSeconds);
        shownSeconds = seconds;
      }
    }
    long after = feed.written();
    double seconds = (System.nanoTime() - started) / 1e9;
    load.close();
    long covered = (time.frontierMillis(after) - time.frontierMillis(before)) / 1000;
    return new IngestFigures(before, after - before, seconds, (after - before) / seconds, covered, load.asked(),
        load.behind());
  }

  /** Waits until the points sent before the feed stopped have arrived: the count holds still for a while. */
  private void settle() throws Exception {
    long last = -1;
    long now = target.awaitVisible(Long.MAX_VALUE, 0);
    for (int still = 0; still < 5; still = now == last ? still + 1 : 0) {
      Thread.sleep(POLL_MILLIS);
      last = now;
      now = target.awaitVisible(Long.MAX_VALUE, 0);
    }
    written.set(now);
  }

  private Map<BenchQuery, LatencySummary> quiet(Entrant.Question ask) throws Exception {
    QuestionDraw draw = new QuestionDraw(time, SEED + 1);
    Map<BenchQuery, LatencySummary> out = new EnumMap<>(BenchQuery.class);
    for (BenchQuery q : BenchQuery.values()) {
      ask.ask(q, draw.draw(written.get()));
      Latencies latencies = new Latencies();
      QuietRepetitions repetitions = QuietRepetitions.of(plan);
      long first = System.nanoTime();
      for (int i = 0; repetitions.another(i, System.nanoTime() - first); i++) {
        QueryArguments arguments = draw.draw(written.get());
        long started = System.nanoTime();
        ask.ask(q, arguments);
        latencies.add(System.nanoTime() - started);
      }
      out.put(q, latencies.summary());
    }
    return out;
  }

  private StorageFigures storage() throws Exception {
    long points = target.awaitVisible(Long.MAX_VALUE, 0);
    long bytes = target.bytesHeld();
    return new StorageFigures(points, bytes, points == 0 ? 0 : bytes / (double) points,
        entrant.bytesPerPointByMeasurement().read());
  }
}
