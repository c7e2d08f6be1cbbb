package io.edgetimedb.engine.simulation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Which anomalies a feed injects, by sensor. At most one anomaly covers a sensor at a time, so
 * the ground truth is unambiguous. Looked up once per reading: sensors hold few anomalies each,
 * and a plan without any costs one empty-array check.
 */
public final class AnomalyPlan {
  private static final Anomaly[] NONE = new Anomaly[0];
  private static final int ATTEMPTS_PER_ANOMALY = 20;

  private final Anomaly[][] bySensor;
  private final List<Anomaly> all;

  private AnomalyPlan(int sensors, List<Anomaly> anomalies) {
    this.bySensor = new Anomaly[sensors][];
    Arrays.fill(bySensor, NONE);
    List<Anomaly> sorted = new ArrayList<>(anomalies);
    sorted.sort(Comparator.comparingLong(Anomaly::startMillis).thenComparingInt(Anomaly::sensor));
    for (Anomaly a : sorted) {
      Anomaly[] list = bySensor[a.sensor()];
      for (Anomaly other : list) {
        if (other.overlaps(a)) {
          throw new IllegalArgumentException(a + " overlaps " + other);
        }
      }
      bySensor[a.sensor()] = Arrays.copyOf(list, list.length + 1);
      bySensor[a.sensor()][list.length] = a;
    }
    this.all = List.copyOf(sorted);
  }

  public static AnomalyPlan none(int sensors) {
    return new AnomalyPlan(sensors, List.of());
  }

  /** A plan of exactly the given anomalies; they must not overlap on one sensor. */
  public static AnomalyPlan of(int sensors, List<Anomaly> anomalies) {
    return new AnomalyPlan(sensors, anomalies);
  }

  /**
   * {@code count} anomalies placed at random over [{@code fromMillis}, {@code toMillis}) of the
   * feed's sensors: analog sensors get every kind, counters and states only dropouts. Windows
   * last a few readings (a spike: one) to a few hundred, and magnitudes are several times the
   * sensor's normal variation, so a good detector can find each one. Fewer than {@code count}
   * come back only when the span is too crowded to place them without overlap.
   */
  public static AnomalyPlan random(SensorFeed feed, int count, long fromMillis, long toMillis, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    List<Anomaly> placed = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      for (int attempt = 0; attempt < ATTEMPTS_PER_ANOMALY; attempt++) {
        Anomaly candidate = randomAnomaly(feed, fromMillis, toMillis, random);
        if (candidate != null && placed.stream().noneMatch(candidate::overlaps)) {
          placed.add(candidate);
          break;
        }
      }
    }
    return new AnomalyPlan(feed.sensors(), placed);
  }

  private static Anomaly randomAnomaly(SensorFeed feed, long from, long to, SplittableRandom random) {
    int sensor = random.nextInt(feed.sensors());
    SensorKind sensorKind = feed.kind(sensor);
    AnomalyKind[] kinds = sensorKind.analog() ? AnomalyKind.values() : new AnomalyKind[] {AnomalyKind.DROPOUT};
    AnomalyKind kind = kinds[random.nextInt(kinds.length)];
    long length = feed.periodMillis() * readings(kind, random);
    if (to - from <= length) {
      return null;
    }
    long start = from + random.nextLong(to - from - length);
    start -= Math.floorMod(start - from, feed.periodMillis());
    double sign = random.nextBoolean() ? 1 : -1;
    return new Anomaly(sensor, kind, start, start + length, sign * (3 + random.nextInt(4)) * unit(sensorKind));
  }

  private static int readings(AnomalyKind kind, SplittableRandom random) {
    return switch (kind) {
      case SPIKE -> 1;
      case LEVEL_SHIFT, DROPOUT -> 5 + random.nextInt(56);
      case DRIFT -> 30 + random.nextInt(271);
      case STUCK -> 20 + random.nextInt(181);
      case NOISE_BURST -> 10 + random.nextInt(51);
    };
  }

  /** A sensor's typical excursion, so magnitudes stand out from its normal walk or swing. */
  private static double unit(SensorKind kind) {
    return switch (kind) {
      case TEMPERATURE -> 2.0;
      case PRESSURE -> 1.0;
      case VIBRATION -> 4000.0;
      default -> 0.0;
    };
  }

  /** The anomaly covering a sensor's reading at a true time, or null. */
  public Anomaly active(int sensor, long timestampMillis) {
    for (Anomaly a : bySensor[sensor]) {
      if (a.covers(timestampMillis)) {
        return a;
      }
    }
    return null;
  }

  /** Every anomaly, by start time. */
  public List<Anomaly> anomalies() {
    return all;
  }
}
