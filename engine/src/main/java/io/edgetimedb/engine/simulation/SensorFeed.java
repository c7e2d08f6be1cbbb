package io.edgetimedb.engine.simulation;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.write.PointBatch;
import java.util.SplittableRandom;

/**
 * A deterministic plant: sensors of every {@link SensorKind} in turn, each sampled once per
 * period, with tags site, line and sensor. The values follow what such sensors really produce
 * (quantised readings that drift slowly, counters, rare state changes), so compression and
 * query figures measured on it carry over to real feeds.
 *
 * <p>Optionally the feed misbehaves the way real fleets do, each kind of trouble from its own
 * random stream so the normal readings stay the same with or without it: injected anomalies
 * ({@link #inject}), sensors whose clocks are off ({@link #skewClocks}) and readings that
 * arrive late, out of order ({@link #deliverLate}). Timestamps given to the feed are true time;
 * a skewed sensor reports its own.
 */
public final class SensorFeed {
  private static final String[] STATUSES = {"OK", "WARN", "ALARM", "MAINTENANCE"};

  private final int sensors;
  private final long startMillis;
  private final long periodMillis;
  private final SplittableRandom random;
  private final String[] sensorIds;
  private final String[] sites;
  private final String[] lines;
  private final double[] level;
  private final long[] counter;
  private final boolean[] state;
  private final int[] status;
  private final Anomaly[] stuckIn;
  private final double[] stuckAt;
  private long nextTimestamp;
  private long tick;

  private AnomalyPlan anomalies;
  private SplittableRandom noise;
  private long[] clockOffsetMillis;
  private double[] clockDriftPpm;
  private LateDelivery late;

  public SensorFeed(int sensors, long seed, long startMillis, long periodMillis) {
    this.sensors = sensors;
    this.startMillis = startMillis;
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
    this.stuckIn = new Anomaly[sensors];
    this.stuckAt = new double[sensors];
    this.anomalies = AnomalyPlan.none(sensors);
    for (int s = 0; s < sensors; s++) {
      sensorIds[s] = String.format("s%05d", s);
      sites[s] = "site-" + (s % 4);
      lines[s] = "line-" + (s % 25);
      level[s] = kind(s) == SensorKind.PRESSURE ? 101.325 : 18 + random.nextInt(600) / 100.0;
      counter[s] = random.nextLong(1_000_000);
    }
  }

  /** Bends or drops readings as the plan says; its noise comes from {@code seed}. */
  public SensorFeed inject(AnomalyPlan plan, long seed) {
    this.anomalies = plan;
    this.noise = new SplittableRandom(seed);
    return this;
  }

  /**
   * Gives a share of the sensors a wrong clock: a fixed offset of up to ±{@code maxOffsetMillis}
   * plus a drift of up to ±{@code maxDriftPpm} parts per million of the time since the start.
   */
  public SensorFeed skewClocks(double share, long maxOffsetMillis, double maxDriftPpm, long seed) {
    SplittableRandom skew = new SplittableRandom(seed);
    clockOffsetMillis = new long[sensors];
    clockDriftPpm = new double[sensors];
    for (int s = 0; s < sensors; s++) {
      if (skew.nextDouble() < share) {
        clockOffsetMillis[s] = maxOffsetMillis == 0 ? 0 : skew.nextLong(-maxOffsetMillis, maxOffsetMillis + 1);
        clockDriftPpm[s] = maxDriftPpm * (2 * skew.nextDouble() - 1);
      }
    }
    return this;
  }

  /** Holds back a share of the readings by 1 to {@code maxDelayTicks} ticks, so they arrive out of order. */
  public SensorFeed deliverLate(double share, int maxDelayTicks, long seed) {
    this.late = new LateDelivery(share, maxDelayTicks, seed);
    return this;
  }

  public int sensors() {
    return sensors;
  }

  public long periodMillis() {
    return periodMillis;
  }

  public SensorKind kind(int sensor) {
    return SensorKind.values()[sensor % SensorKind.values().length];
  }

  public String sensorId(int sensor) {
    return sensorIds[sensor];
  }

  public AnomalyPlan anomalies() {
    return anomalies;
  }

  /** How far a sensor's clock is off at a true time (reported minus true), in milliseconds. */
  public long clockOffset(int sensor, long trueMillis) {
    if (clockOffsetMillis == null) {
      return 0;
    }
    return clockOffsetMillis[sensor] + Math.round((trueMillis - startMillis) * clockDriftPpm[sensor] / 1e6);
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

  /**
   * Adds the readings delivered during the next tick: late ones now due, then one point per
   * sensor at the tick's time (minus dropouts and readings held back); advances time one period.
   */
  public void nextTick(PointBatch batch) {
    if (late != null) {
      late.releaseDue(tick, batch);
    }
    for (int s = 0; s < sensors; s++) {
      int before = batch.size();
      addPoint(batch, s, nextTimestamp);
      if (late != null && batch.size() > before) {
        late.maybeHoldLast(tick, batch);
      }
    }
    nextTimestamp += periodMillis;
    tick++;
  }

  /**
   * Adds every reading still held back by {@link #deliverLate}, as a gateway flushes its buffer
   * when the run ends; without it the last ticks' late readings would never arrive.
   */
  public void releaseLate(PointBatch batch) {
    if (late != null) {
      late.releaseDue(Long.MAX_VALUE, batch);
    }
  }

  /** Adds the next reading of one sensor at a true time, unless an injected dropout swallows it. */
  public void addPoint(PointBatch batch, int s, long ts) {
    SensorKind kind = kind(s);
    Anomaly anomaly = anomalies.active(s, ts);
    switch (kind) {
      case TEMPERATURE -> {
        double value = bent(s, anomaly, ts, walk(s, 0.01, 2, 100.0), 100.0);
        startPoint(batch, s, ts, anomaly).field(kind.field(), value);
      }
      case PRESSURE -> {
        double value = bent(s, anomaly, ts, walk(s, 0.001, 3, 1000.0), 1000.0);
        startPoint(batch, s, ts, anomaly).field(kind.field(), value);
      }
      case VIBRATION -> {
        long counts = adc(bent(s, anomaly, ts, vibration(s), 1.0));
        startPoint(batch, s, ts, anomaly).field(kind.field(), counts);
      }
      case ENERGY -> startPoint(batch, s, ts, anomaly).field(kind.field(), counter[s] += 40 + random.nextInt(21));
      case DOOR -> startPoint(batch, s, ts, anomaly).field(kind.field(), flip(s, 500));
      case VALVE -> startPoint(batch, s, ts, anomaly).field(kind.field(), flip(s, 120));
      case STATUS -> startPoint(batch, s, ts, anomaly).field(kind.field(), nextStatus(s));
    }
    if (anomaly != null && anomaly.kind() == AnomalyKind.DROPOUT) {
      batch.dropLastPoint();
    }
  }

  private PointBatch startPoint(PointBatch batch, int s, long ts, Anomaly anomaly) {
    return batch.point(kind(s).measurement(), ts + clockOffset(s, ts))
        .tag("site", sites[s]).tag("line", lines[s]).tag("sensor", sensorIds[s]);
  }

  /** A normal reading as an anomaly bends it, rounded to the sensor's resolution again. */
  private double bent(int s, Anomaly anomaly, long ts, double normal, double scale) {
    if (anomaly == null) {
      return normal;
    }
    double value = switch (anomaly.kind()) {
      case SPIKE, LEVEL_SHIFT -> normal + anomaly.magnitude();
      case DRIFT -> normal + anomaly.magnitude() * anomaly.progress(ts);
      case STUCK -> stuck(s, anomaly, normal);
      case NOISE_BURST -> normal + noise.nextGaussian() * Math.abs(anomaly.magnitude());
      case DROPOUT -> normal;
    };
    return Math.round(value * scale) / scale;
  }

  /** The reading the sensor froze at: its first one inside the anomaly. */
  private double stuck(int s, Anomaly anomaly, double normal) {
    if (stuckIn[s] != anomaly) {
      stuckIn[s] = anomaly;
      stuckAt[s] = normal;
    }
    return stuckAt[s];
  }

  /** A random walk in steps of {@code step}, rounded to {@code scale} like a sensor's display. */
  private double walk(int s, double step, int maxSteps, double scale) {
    level[s] += step * (random.nextInt(2 * maxSteps + 1) - maxSteps);
    level[s] = Math.round(level[s] * scale) / scale;
    return level[s];
  }

  private double vibration(int s) {
    double phase = (tick + s) * 0.37;
    return 32768 + 6000 * Math.sin(phase) + random.nextInt(401) - 200;
  }

  /** What a 16-bit analog-to-digital converter reports: whole counts, saturating at its range. */
  private static long adc(double counts) {
    return Math.max(0, Math.min(65535, Math.round(counts)));
  }

  private boolean flip(int s, int oneIn) {
    if (random.nextInt(oneIn) == 0) {
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
