package io.edgetimedb.server.bench.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgetimedb.engine.simulation.SensorFeed;
import io.edgetimedb.engine.write.PointBatch;
import io.edgetimedb.server.bench.BenchQuery;
import io.edgetimedb.server.bench.Peer;
import io.edgetimedb.server.bench.PeerContext;
import io.edgetimedb.server.bench.QueryArguments;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * One real peer, started once for the class from the jars the bench build copied to
 * {@code target/peers}, fed 70 one-minute ticks of a 1,400-sensor plant and asked every
 * question; the answers must be the rows {@link PlantAnswers} works out from the same batches,
 * the same for every peer. 1,400 sensors put two temperature sensors on site-0/line-0
 * (s00000 and s00700), so the tag filter spans sensors. Closing must leave no file behind.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class PlantFeedPeerTest {
  static final int SENSORS = 1_400;
  static final int TICKS = 70;
  static final long START = Instant.parse("2026-03-02T08:00:00Z").toEpochMilli();
  static final long MINUTE = 60_000;
  /** Sensor s00700 (temperature, site-0, line-0); the hour from 08:05; five minutes up to 08:40, a tick's time. */
  static final QueryArguments ARGUMENTS =
      new QueryArguments("s00700", "site-0", "line-0", START + 5 * MINUTE, START + 40 * MINUTE);
  static final Path PEER_JARS = Path.of("target", "peers");

  final PlantAnswers expected = new PlantAnswers();
  Path work;
  SqlTarget target;
  private final ExecutorService ingest = Executors.newSingleThreadExecutor();
  boolean closed;

  abstract Peer peer();

  @BeforeAll
  void startAndWriteThePlant(@TempDir Path work) throws Exception {
    this.work = work;
    target = (SqlTarget) peer().start(new PeerContext(work, PEER_JARS, SENSORS, System.out));
    SensorFeed feed = new SensorFeed(SENSORS, 7, START, MINUTE);
    PointBatch batch = new PointBatch();
    for (int tick = 0; tick < TICKS; tick++) {
      feed.nextTick(batch);
      expected.add(batch);
      write(batch);
      batch.clear();
    }
  }

  /**
   * Writes on the test's ingest thread, which is not the one that started the target, as in the
   * benchmark: a target must not tie its writing to its starter's thread (DuckDB's appenders did).
   */
  void write(PointBatch batch) throws Exception {
    try {
      ingest.submit(() -> {
        target.write(batch);
        return null;
      }).get();
    } catch (ExecutionException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  @AfterAll
  void closeIfATestDidNot() throws Exception {
    ingest.shutdown();
    if (target != null && !closed) {
      target.close();
    }
  }

  @Test
  @Order(1)
  void everyPointWrittenBecomesVisible() throws Exception {
    assertThat(expected.points()).isEqualTo((long) SENSORS * TICKS);
    assertThat(target.awaitVisible(expected.points(), 60_000)).isEqualTo(expected.points());
  }

  @ParameterizedTest
  @EnumSource(BenchQuery.class)
  @Order(2)
  void answersEachQuestionWithTheRowsWritten(BenchQuery query) throws Exception {
    target.awaitVisible(expected.points(), 60_000);
    List<String> rows = new ArrayList<>();

    int count = target.answer(query, ARGUMENTS, row -> rows.add(PlantAnswers.format(row)));

    List<String> want = expected.rows(query, ARGUMENTS);
    assertThat(want).as("the question asks about something that was written").isNotEmpty();
    assertThat(count).isEqualTo(rows.size());
    if (PlantAnswers.ordered(query)) {
      assertThat(rows).containsExactlyElementsOf(want);
    } else {
      assertThat(rows).containsExactlyInAnyOrderElementsOf(want);
    }
    assertThat(target.query(query, ARGUMENTS)).as("the benchmark's count of the same rows").isEqualTo(want.size());
  }

  @Test
  @Order(2)
  void theQuestionsCoverWhatTheirNamesSay() {
    assertThat(expected.rows(BenchQuery.LAST_FIVE_MINUTES, ARGUMENTS)).hasSize(5)
        .first().asString().startsWith("2026-03-02T08:35:00Z");
    assertThat(expected.rows(BenchQuery.ONE_HOUR_RANGE, ARGUMENTS)).hasSize(60);
    assertThat(expected.rows(BenchQuery.MINUTE_BUCKETS_OVER_ONE_HOUR, ARGUMENTS)).hasSize(60);
    assertThat(expected.rows(BenchQuery.LATEST_OF_EVERY_SENSOR, ARGUMENTS)).hasSize(SENSORS / 7)
        .allSatisfy(row -> assertThat(row).contains("2026-03-02T09:09:00Z"));
    assertThat(expected.rows(BenchQuery.TAG_FILTER, ARGUMENTS)).hasSize(2 * 60)
        .anySatisfy(row -> assertThat(row).startsWith("s00000 "))
        .anySatisfy(row -> assertThat(row).startsWith("s00700 "));
  }

  @Test
  @Order(3)
  void holdsBytesOnDisk() throws Exception {
    target.awaitVisible(expected.points(), 60_000);

    assertThat(target.bytesHeld()).isPositive();
  }

  @Test
  @Order(4)
  void closingLeavesNoFileBehind() throws Exception {
    assertThat(work.resolve(peer().name())).isDirectory();

    closed = true;
    target.close();

    try (Stream<Path> left = Files.list(work)) {
      assertThat(left).isEmpty();
    }
  }

  /** For peers that check their input: a batch with one bad point is refused whole, naming the point. */
  void assertABadBatchIsRefusedWhole() throws Exception {
    target.awaitVisible(expected.points(), 60_000);
    long before = target.questions().points();
    PointBatch batch = new PointBatch();
    batch.point("temperature", START).tag("site", "site-0").tag("line", "line-0").tag("sensor", "s99999")
        .field("value", 1.0);
    batch.point("boiler", START).tag("site", "site-0").tag("line", "line-0").tag("sensor", "s99999")
        .field("value", 1.0);

    assertThatThrownBy(() -> write(batch))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("point 1 (boiler at " + START + "): measurement 'boiler' is not one of the plant feed's");
    assertThat(target.questions().points()).isEqualTo(before);
  }
}
