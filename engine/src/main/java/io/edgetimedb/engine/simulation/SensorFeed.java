package io.edgetimedb.engine.simulation;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.write.PointBatch;
import java.util.SplittableRandom;

/**
 * A deterministic plant: sensors of every {@link SensorKind} in turn, each sampled once per
 * period, with tags site, line and sensor. The values follow what such sensors really produce
 * (quantised readings that drift slowly, counters, rare state changes), so compression and
 * query figures measured on it carry over to real feeds.
 */
public final class SensorFeed {
  private static final String[] STATUSES = {"OK", "WARN", "ALARM", "MAINTENANCE"};

  private final int sensors;
  private final long periodMillis;
  private final SplittableRandom random;
  private final String[] sensorIds;
  private final String[] sites;
  private final String[] lines;
  private final double[] level;
  private final long[] counter;
  private final boolean[] state;
  private final int[] status;
  private long nextTimestamp;
  private long tick;

  public SensorFeed(int sensors, long seed, long startMillis, long periodMillis) {
    this.sensors = sensors;
    this.periodMillis = periodMillis;
    this.random = new SplittableRandom(seed);
    this.nextTimestamp = startMillis;
    this.sensorIds = new String[sensors];
    this.sites = new String[sensors];
    this.lines = new String[sensors];
    this.level = new double[sensors];
    this.counter = new long[sensors];
    this.state = new boolean[sensors];
    this.status = new int[sensors];
    for (int s = 0; s < sensors; s++) {
      sensorIds[s] = String.format("s%05d", s);
      sites[s] = "site-" + (s % 4);
      lines[s] = "line-" + (s % 25);
      level[s] = kind(s) == SensorKind.PRESSURE ? 101.325 : 18 + random.nextInt(600) / 100.0;
      counter[s] = random.nextLong(1_000_000);
    }
  }

  public int sensors() {
    return sensors;
  }

  public SensorKind kind(int sensor) {
    return SensorKind.values()[sensor % SensorKind.values().length];
  }

  public String sensorId(int sensor) {
    return sensorIds[sensor];
  }

  /** Writes {@code ticks} ticks of the whole fleet into a database, one batch a tick. */
  public void writeTicks(Database db, int ticks) {
    PointBatch batch = new PointBatch().source("simulation");
    for (int t = 0; t < ticks; t++) {
      nextTick(batch);
      db.write(batch);
      batch.clear();
    }
  }

  /** Adds one point per sensor at the next timestamp and advances time by one period. */
  public void nextTick(PointBatch batch) {
    for (int s = 0; s < sensors; s++) {
      addPoint(batch, s, nextTimestamp);
    }
    nextTimestamp += periodMillis;
    tick++;
  }

  /** Adds the next point of one sensor at the given time. */
  public void addPoint(PointBatch batch, int s, long ts) {
    SensorKind kind = kind(s);
    batch.point(kind.measurement(), ts).tag("site", sites[s]).tag("line", lines[s]).tag("sensor", sensorIds[s]);
    switch (kind) {
      case TEMPERATURE -> batch.field(kind.field(), walk(s, 0.01, 2, 100.0));
      case PRESSURE -> batch.field(kind.field(), walk(s, 0.001, 3, 1000.0));
      case VIBRATION -> batch.field(kind.field(), vibration(s));
      case ENERGY -> batch.field(kind.field(), counter[s] += 40 + random.nextInt(21));
      case DOOR -> batch.field(kind.field(), flip(s));
      case STATUS -> batch.field(kind.field(), nextStatus(s));
    }
  }

  /** A random walk in steps of {@code step}, rounded to {@code scale} like a sensor's display. */
  private double walk(int s, double step, int maxSteps, double scale) {
    level[s] += step * (random.nextInt(2 * maxSteps + 1) - maxSteps);
    level[s] = Math.round(level[s] * scale) / scale;
    return level[s];
  }

  private long vibration(int s) {
    double phase = (tick + s) * 0.37;
    long counts = 32768 + Math.round(6000 * Math.sin(phase)) + random.nextInt(401) - 200;
    return Math.max(0, Math.min(65535, counts));
  }

  private boolean flip(int s) {
    if (random.nextInt(500) == 0) {
      state[s] = !state[s];
    }
    return state[s];
  }

  private String nextStatus(int s) {
    int roll = random.nextInt(1000);
    if (roll < 2) {
      status[s] = 1 + random.nextInt(STATUSES.length - 1);
    } else if (roll < 20) {
      status[s] = 0;
    }
    return STATUSES[status[s]];
  }
}
