package io.edgetimedb.server.simulation;

import io.edgetimedb.engine.simulation.SensorFeed;
import io.edgetimedb.engine.write.PointBatch;
import java.util.function.Consumer;
import java.util.function.LongConsumer;

/**
 * One run: the fleet's ticks, paced, handed to the target until the run's ticks or points are
 * done, then the target is closed (which waits for its last acknowledgements) and the run
 * reported. It gives up early when the target has failed every send for {@link #GIVE_UP_NANOS},
 * since a run against a dead target would only count losses.
 */
public final class Simulation {
  static final long GIVE_UP_NANOS = 10_000_000_000L;
  private static final long WARNING_INTERVAL_NANOS = 5_000_000_000L;

  private final SimulatedFleet fleet;
  private final long ticks;
  private final long maxPoints;
  private final double askedRate;
  private final Pacer pacer;
  private final LongConsumer progress;
  private final Consumer<String> warnings;
  private final long giveUpNanos;

  /**
   * @param ticks how many ticks to send (Long.MAX_VALUE: until {@code maxPoints}); the readings still
   *     held back as late go out with the last one
   * @param maxPoints stop after this many points (Long.MAX_VALUE: after the ticks)
   * @param askedRate points per second asked for (NaN for as fast as possible), for the report
   * @param progress told the points of each tick as they go
   * @param warnings told when the run falls behind the asked rate
   */
  public Simulation(SimulatedFleet fleet, long ticks, long maxPoints, double askedRate, Pacer pacer, LongConsumer progress,
      Consumer<String> warnings) {
    this(fleet, ticks, maxPoints, askedRate, pacer, progress, warnings, GIVE_UP_NANOS);
  }

  /** With a shorter give-up time, for tests. */
  Simulation(SimulatedFleet fleet, long ticks, long maxPoints, double askedRate, Pacer pacer, LongConsumer progress,
      Consumer<String> warnings, long giveUpNanos) {
    this.giveUpNanos = giveUpNanos;
    this.fleet = fleet;
    this.ticks = ticks;
    this.maxPoints = maxPoints;
    this.askedRate = askedRate;
    this.pacer = pacer;
    this.progress = progress;
    this.warnings = warnings;
  }

  /** Runs to the end against the target and closes it. */
  public SimulationReport run(SimulationTarget target, DeliveryCounts counts) throws InterruptedException {
    SensorFeed feed = fleet.newFeed();
    PointBatch batch = new PointBatch().source("simulate");
    SlowestSecond slowest = new SlowestSecond();
    long started = System.nanoTime();
    long generated = 0;
    long lastWarning = started - WARNING_INTERVAL_NANOS;
    long warnedGivenUp = 0;
    String abandoned = null;
    long tick = 0;
    try (target) {
      for (; tick < ticks && generated < maxPoints; tick++) {
        if (!pacer.due(tick)) {
          target.flush();
        }
        pacer.awaitTick(tick);
        batch.clear();
        feed.nextTick(batch);
        if (tick == ticks - 1) {
          feed.releaseLate(batch);
        }
        while (generated + batch.size() > maxPoints) {
          batch.dropLastPoint();
        }
        target.send(batch);
        generated += batch.size();
        progress.accept(batch.size());
        long now = System.nanoTime();
        slowest.record(now, counts.delivered());
        if (pacer.givenUpNanos() > warnedGivenUp && now - lastWarning >= WARNING_INTERVAL_NANOS) {
          warnings.accept(String.format("cannot keep the asked rate of %,.0f points/s: %.1f s behind the schedule"
              + " after %d stall(s); catching up at most 1 s of readings at a time", askedRate,
              pacer.givenUpNanos() / 1e9, pacer.stalls()));
          warnedGivenUp = pacer.givenUpNanos();
          lastWarning = now;
        }
        if (counts.failingForNanos() > giveUpNanos) {
          abandoned = String.format("gave up: every send failed for %.1f s", giveUpNanos / 1e9);
          break;
        }
      }
      if (abandoned == null && pacer.limited()) {
        // the last tick's readings stand for a whole period: a 3 s run at 10 Hz lasts 3 s, not 2.9
        target.flush();
        pacer.awaitTick(tick);
      }
    }
    long elapsed = System.nanoTime() - started;
    return new SimulationReport(target.toString(), generated, counts.delivered(), counts.lost(), elapsed, askedRate,
        slowest.rate(), counts, pacer.givenUpNanos(), pacer.stalls(), feed.anomalies().anomalies().size(), abandoned);
  }
}
