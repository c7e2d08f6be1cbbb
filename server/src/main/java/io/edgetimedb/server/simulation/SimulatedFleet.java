package io.edgetimedb.server.simulation;

import io.edgetimedb.engine.simulation.AnomalyPlan;
import io.edgetimedb.engine.simulation.SensorFeed;

/**
 * The fleet a run simulates, everything that decides its readings: the same fleet always gives
 * the same readings, so a test (or a detector being scored) can build a second feed and know
 * exactly what was sent. Each kind of trouble draws from its own seed, derived from
 * {@code seed}: the plant {@code seed}, the anomaly plan {@code seed + 1}, the anomalies' noise
 * {@code seed + 2}, the clock skew {@code seed + 3}, the late deliveries {@code seed + 4}.
 *
 * @param ticks the run's length in ticks, over which the anomalies are placed
 * @param anomalies how many anomalies {@code AnomalyPlan.random} places (0: none)
 * @param skew wrong clocks, or null
 * @param late late readings, or null
 */
public record SimulatedFleet(int sensors, long seed, long startMillis, long periodMillis, long ticks, int anomalies,
    ClockSkew skew, LateReadings late) {

  /** A new feed at the first tick. */
  public SensorFeed newFeed() {
    SensorFeed feed = new SensorFeed(sensors, seed, startMillis, periodMillis);
    if (anomalies > 0) {
      long end = startMillis + ticks * periodMillis;
      feed.inject(AnomalyPlan.random(feed, anomalies, startMillis, end, seed + 1), seed + 2);
    }
    if (skew != null) {
      feed.skewClocks(skew.share(), skew.maxOffsetMillis(), skew.maxDriftPpm(), seed + 3);
    }
    if (late != null) {
      feed.deliverLate(late.share(), late.maxTicks(), seed + 4);
    }
    return feed;
  }
}
