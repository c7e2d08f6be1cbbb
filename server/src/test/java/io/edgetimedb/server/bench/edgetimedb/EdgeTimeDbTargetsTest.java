package io.edgetimedb.server.bench.edgetimedb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgetimedb.engine.simulation.SensorFeed;
import io.edgetimedb.engine.simulation.SensorKind;
import io.edgetimedb.engine.write.PointBatch;
import io.edgetimedb.server.bench.BenchQuery;
import io.edgetimedb.server.bench.QueryArguments;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * The ways in that write from this process hold every point written, and every question, embedded
 * and remote, returns exactly the rows it asks for (so the benchmark times the right work).
 */
class EdgeTimeDbTargetsTest {
  private static final long START = 1_699_999_980_000L; // a whole minute: 60 buckets in an hour
  /** Two temperature sensors (s00000, s00007) among 14. */
  private static final int SENSORS = 14;
  private static final int TICKS = 3_700;

  @TempDir
  Path dir;

  @ParameterizedTest
  @ValueSource(strings = {EdgeTimeDbTargets.JAVA_API, EdgeTimeDbTargets.JDBC_BATCH})
  void everyQuestionReadsTheRowsItAsksForEmbeddedAndRemote(String name) throws Exception {
    try (EdgeTimeDbTarget target = EdgeTimeDbTargets.start(name, dir)) {
      assertThat(target.lineProtocolAddress()).isNull();
      assertThat(target.storage()).isEqualTo("in memory");
      SensorFeed feed = new SensorFeed(SENSORS, 1, START, 1_000);
      PointBatch batch = new PointBatch();
      for (int tick = 0; tick < TICKS; tick++) {
        feed.nextTick(batch);
        if (tick % 100 == 99) {
          target.write(batch);
          batch.clear();
        }
      }
      assertThat(target.awaitVisible(SENSORS * TICKS, 10_000)).isEqualTo(SENSORS * TICKS);
      QueryArguments a = new QueryArguments("s00000", "site-0", "line-0", START, START + TICKS * 1_000L);
      Map<BenchQuery, Integer> rows = Map.of(BenchQuery.LAST_FIVE_MINUTES, 300, BenchQuery.ONE_HOUR_RANGE, 3_600,
          BenchQuery.MINUTE_BUCKETS_OVER_ONE_HOUR, 60, BenchQuery.LATEST_OF_EVERY_SENSOR, 2, BenchQuery.TAG_FILTER, 3_600);
      for (BenchQuery q : BenchQuery.values()) {
        assertThat(target.query(q, a)).as(name + " " + q).isEqualTo(rows.get(q));
        assertThat(target.askRemotely(q, a)).as(name + " remote " + q).isEqualTo(rows.get(q));
      }
      QueryArguments later = new QueryArguments("s00007", "site-3", "line-7", START + 60_000, START + TICKS * 1_000L);
      assertThat(target.query(BenchQuery.ONE_HOUR_RANGE, later)).isEqualTo(3_600);
      assertThat(target.query(BenchQuery.TAG_FILTER, later)).as("s00007 is alone on site-3, line-7").isEqualTo(3_600);
      Map<String, Double> perPoint = target.bytesPerPointByMeasurement();
      assertThat(perPoint).hasSize(SensorKind.values().length).allSatisfy((m, b) -> assertThat(b).isPositive());
      assertThat(target.bytesHeld()).isGreaterThan(0);
    }
  }

  @Test
  void aLineProtocolTargetTakesNoBatchesAndAnUnknownNameIsRefused() throws Exception {
    try (EdgeTimeDbTarget tcp = EdgeTimeDbTargets.start(EdgeTimeDbTargets.TCP, dir)) {
      assertThat(tcp.lineProtocolAddress()).matches("tcp://127\\.0\\.0\\.1:\\d+");
      assertThat(tcp.storage()).startsWith("durable");
      assertThatThrownBy(() -> tcp.write(new PointBatch())).hasMessageContaining("takes its points over line protocol");
    }
    assertThatThrownBy(() -> EdgeTimeDbTargets.start("edgetimedb/udp", dir))
        .hasMessageContaining("no EdgeTimeDB target 'edgetimedb/udp'");
  }
}
