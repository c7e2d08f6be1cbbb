package io.edgetimedb.engine.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgetimedb.engine.write.PointBatch;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SensorFeedTest {
  private static final long START = 1_700_000_000_000L;
  private static final long PERIOD = 1_000L;
  private static final int SENSORS = 14;
  private static final int TEMPERATURE = 0;
  private static final int VIBRATION = 2;
  private static final int ENERGY = 3;

  /** One delivered reading: which sensor, its reported timestamp, its value. */
  private record Reading(String sensor, long ts, Object value) {}

  @Test
  void theSameSeedGivesTheSameFeedAndEveryKindAppears() {
    List<Reading> a = readings(new SensorFeed(SENSORS, 7, START, PERIOD), 50);
    List<Reading> b = readings(new SensorFeed(SENSORS, 7, START, PERIOD), 50);
    assertThat(a).hasSize(SENSORS * 50).isEqualTo(b);
    SensorFeed feed = new SensorFeed(SENSORS, 7, START, PERIOD);
    assertThat(java.util.stream.IntStream.range(0, SENSORS).mapToObj(feed::kind).distinct())
        .containsExactlyInAnyOrder(SensorKind.values());
  }

  @Test
  void eachAnomalyBendsOnlyItsSensorAndWindow() {
    for (AnomalyKind kind : AnomalyKind.values()) {
      Anomaly anomaly = new Anomaly(TEMPERATURE, kind, START + 10 * PERIOD, START + 30 * PERIOD, 8.0);
      Map<Long, Double> normal = values(new SensorFeed(SENSORS, 3, START, PERIOD), "s00000", 40);
      SensorFeed bentFeed = new SensorFeed(SENSORS, 3, START, PERIOD).inject(AnomalyPlan.of(SENSORS, List.of(anomaly)), 9);
      List<Reading> bent = readings(bentFeed, 40);
      List<Reading> plain = readings(new SensorFeed(SENSORS, 3, START, PERIOD), 40);
      assertThat(bent.stream().filter(r -> !r.sensor.equals("s00000")))
          .as(kind + ": other sensors untouched").isEqualTo(plain.stream().filter(r -> !r.sensor.equals("s00000")).toList());
      Map<Long, Double> got = values(bent, "s00000");
      for (long t = 0; t < 40; t++) {
        long ts = START + t * PERIOD;
        if (!anomaly.covers(ts)) {
          assertThat(got.get(ts)).as(kind + " outside the window at " + t).isEqualTo(normal.get(ts));
        }
      }
      assertWindow(kind, anomaly, normal, got);
    }
  }

  private static void assertWindow(AnomalyKind kind, Anomaly a, Map<Long, Double> normal, Map<Long, Double> got) {
    List<Long> window = new ArrayList<>();
    for (long ts = a.startMillis(); ts < a.endMillis(); ts += PERIOD) {
      window.add(ts);
    }
    switch (kind) {
      case SPIKE, LEVEL_SHIFT -> window.forEach(ts -> assertThat(got.get(ts)).isCloseTo(normal.get(ts) + 8.0, within()));
      case DRIFT -> window.forEach(ts ->
          assertThat(got.get(ts) - normal.get(ts)).isCloseTo(8.0 * a.progress(ts), within()));
      case STUCK -> window.forEach(ts -> assertThat(got.get(ts)).isEqualTo(normal.get(a.startMillis())));
      case NOISE_BURST -> assertThat(window.stream().mapToDouble(ts -> Math.abs(got.get(ts) - normal.get(ts))).max()
          .orElseThrow()).isGreaterThan(2.0);
      case DROPOUT -> window.forEach(ts -> assertThat(got).doesNotContainKey(ts));
    }
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(0.006);
  }

  @Test
  void countersAndStatesOnlyDropOutAndAdcReadingsSaturate() {
    Anomaly dropout = new Anomaly(ENERGY, AnomalyKind.DROPOUT, START, START + 5 * PERIOD, 0);
    Anomaly spike = new Anomaly(VIBRATION, AnomalyKind.SPIKE, START + 2 * PERIOD, START + 3 * PERIOD, 1e9);
    SensorFeed feed = new SensorFeed(SENSORS, 3, START, PERIOD).inject(AnomalyPlan.of(SENSORS, List.of(dropout, spike)), 1);
    List<Reading> got = readings(feed, 8);
    assertThat(got.stream().filter(r -> r.sensor.equals("s00003")).map(Reading::ts))
        .containsExactly(START + 5 * PERIOD, START + 6 * PERIOD, START + 7 * PERIOD);
    assertThat(got).contains(new Reading("s00002", START + 2 * PERIOD, 65535L));
  }

  @Test
  void randomPlansPlaceNonOverlappingAlignedWindowsOfTheRightKinds() {
    SensorFeed feed = new SensorFeed(70, 5, START, PERIOD);
    long to = START + 3_600_000;
    AnomalyPlan plan = AnomalyPlan.random(feed, 60, START, to, 11);
    assertThat(plan.anomalies()).hasSize(60);
    for (Anomaly a : plan.anomalies()) {
      assertThat(a.startMillis()).isGreaterThanOrEqualTo(START);
      assertThat(a.endMillis()).isLessThanOrEqualTo(to);
      assertThat((a.startMillis() - START) % PERIOD).isZero();
      if (!feed.kind(a.sensor()).analog()) {
        assertThat(a.kind()).isEqualTo(AnomalyKind.DROPOUT);
      }
      assertThat(plan.anomalies().stream().filter(b -> b != a && b.overlaps(a))).isEmpty();
    }
    assertThat(plan.anomalies().stream().map(Anomaly::kind).distinct()).hasSize(AnomalyKind.values().length);
    assertThat(AnomalyPlan.random(feed, 5, START, START + PERIOD, 1).anomalies())
        .as("a span too short for any window").allMatch(a -> a.kind() == AnomalyKind.SPIKE);
  }

  @Test
  void overlappingOrEmptyWindowsAreRefused() {
    Anomaly a = new Anomaly(1, AnomalyKind.STUCK, 0, 10, 0);
    Anomaly b = new Anomaly(1, AnomalyKind.DRIFT, 9, 20, 1);
    assertThatThrownBy(() -> AnomalyPlan.of(4, List.of(a, b))).hasMessageContaining("overlaps");
    assertThat(AnomalyPlan.of(4, List.of(a, new Anomaly(2, AnomalyKind.DRIFT, 9, 20, 1))).anomalies()).hasSize(2);
    assertThatThrownBy(() -> new Anomaly(1, AnomalyKind.SPIKE, 5, 5, 1)).hasMessageContaining("empty");
  }

  @Test
  void skewedClocksReportTheirOwnTimeAndTheValuesStayTheSame() {
    SensorFeed skewed = new SensorFeed(SENSORS, 3, START, PERIOD).skewClocks(1.0, 5_000, 100, 4);
    List<Reading> got = readings(skewed, 20);
    List<Reading> plain = readings(new SensorFeed(SENSORS, 3, START, PERIOD), 20);
    boolean anyOff = false;
    for (int i = 0; i < got.size(); i++) {
      int sensor = i % SENSORS;
      long trueTs = plain.get(i).ts;
      long offset = skewed.clockOffset(sensor, trueTs);
      assertThat(got.get(i).ts).isEqualTo(trueTs + offset);
      assertThat(got.get(i).value).isEqualTo(plain.get(i).value);
      assertThat(Math.abs(offset)).isLessThanOrEqualTo(5_000 + 1);
      anyOff |= offset != 0;
    }
    assertThat(anyOff).isTrue();
    SensorFeed none = new SensorFeed(SENSORS, 3, START, PERIOD).skewClocks(0.0, 5_000, 100, 4);
    assertThat(readings(none, 20)).isEqualTo(plain);
  }

  @Test
  void lateReadingsArriveOutOfOrderWithinTheDelayAndNoneIsLost() {
    int ticks = 60;
    int maxDelay = 4;
    SensorFeed lateFeed = new SensorFeed(SENSORS, 3, START, PERIOD).deliverLate(0.2, maxDelay, 8);
    List<Reading> got = readings(lateFeed, ticks + maxDelay);
    List<Reading> plain = readings(new SensorFeed(SENSORS, 3, START, PERIOD), ticks);
    assertThat(got).containsAll(plain);
    int outOfOrder = 0;
    Map<String, Long> newest = new HashMap<>();
    for (Reading r : got) {
      Long before = newest.get(r.sensor);
      if (before != null && r.ts < before) {
        outOfOrder++;
        assertThat(before - r.ts).isLessThanOrEqualTo(maxDelay * PERIOD);
      }
      newest.merge(r.sensor, r.ts, Math::max);
    }
    assertThat(outOfOrder).isGreaterThan(ticks * SENSORS / 20);
    assertThatThrownBy(() -> new SensorFeed(1, 1, 0, 1).deliverLate(1.5, 1, 1)).hasMessageContaining("1.5");
  }

  @Test
  void releasingLateReadingsAtTheEndLosesNone() {
    SensorFeed lateFeed = new SensorFeed(SENSORS, 3, START, PERIOD).deliverLate(0.3, 10, 8);
    List<Reading> got = readings(lateFeed, 20);
    PointBatch rest = new PointBatch();
    lateFeed.releaseLate(rest);
    assertThat(rest.size()).isPositive();
    assertThat(got.size() + rest.size()).isEqualTo(20 * SENSORS);
    PointBatch none = new PointBatch();
    new SensorFeed(SENSORS, 3, START, PERIOD).releaseLate(none);
    assertThat(none.size()).isZero();
  }

  @Test
  void theGroundTruthListsEveryAnomalyWithItsSensorAndWindow() throws IOException {
    SensorFeed feed = new SensorFeed(SENSORS, 3, START, PERIOD);
    feed.inject(AnomalyPlan.of(SENSORS, List.of(new Anomaly(TEMPERATURE, AnomalyKind.DRIFT, START, START + 60_000, -6),
        new Anomaly(ENERGY, AnomalyKind.DROPOUT, START + 1_000, START + 2_000, 0))), 1);
    StringWriter out = new StringWriter();
    GroundTruthCsv.write(feed, out);
    assertThat(out.toString().split("\n")).containsExactly(GroundTruthCsv.HEADER,
        "temperature,s00000,value,DRIFT,2023-11-14T22:13:20Z,2023-11-14T22:14:20Z,1700000000000,1700000060000,-6.0",
        "energy,s00003,wh,DROPOUT,2023-11-14T22:13:21Z,2023-11-14T22:13:22Z,1700000001000,1700000002000,0.0");
  }

  private static List<Reading> readings(SensorFeed feed, int ticks) {
    List<Reading> out = new ArrayList<>();
    PointBatch batch = new PointBatch();
    for (int t = 0; t < ticks; t++) {
      batch.clear();
      feed.nextTick(batch);
      for (int p = 0; p < batch.size(); p++) {
        int f = batch.fieldStart(p);
        Object value = batch.fieldRef(f) != null ? batch.fieldRef(f) : switch (batch.fieldType(f)) {
          case DOUBLE -> Double.longBitsToDouble(batch.fieldBits(f));
          case BOOLEAN -> batch.fieldBits(f) != 0;
          default -> batch.fieldBits(f);
        };
        out.add(new Reading(sensorTag(batch, p), batch.timestamp(p), value));
      }
    }
    return out;
  }

  private static String sensorTag(PointBatch batch, int p) {
    for (int t = batch.tagStart(p); t < batch.tagStart(p) + batch.tagCount(p); t++) {
      if (batch.tagKeys()[t].equals("sensor")) {
        return batch.tagValues()[t];
      }
    }
    throw new AssertionError("no sensor tag");
  }

  private static Map<Long, Double> values(SensorFeed feed, String sensor, int ticks) {
    return values(readings(feed, ticks), sensor);
  }

  private static Map<Long, Double> values(List<Reading> readings, String sensor) {
    Map<Long, Double> out = new HashMap<>();
    readings.stream().filter(r -> r.sensor.equals(sensor)).forEach(r -> out.put(r.ts, (Double) r.value));
    return out;
  }
}
