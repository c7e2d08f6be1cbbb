package io.edgetimedb.engine.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.EngineSettings;
import io.edgetimedb.engine.sources.SourceStatus;
import io.edgetimedb.testsupport.StoredRows;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clock policy at its limits: a timestamp exactly at a bound is written as sent, one
 * millisecond beyond it is refused (naming the timestamp and the bound) or written at the bound;
 * points without a timestamp, or from a source whose clock is known wrong, take the receive time.
 * Every batch sets its receive time, so the bounds are exact whatever the test machine's clock.
 */
class ClockPolicyTest {
  private static final long RECEIVED = 1_700_000_000_000L;
  private static final long MINUTE = 60_000;
  private final Database db = Database.open(DatabaseConfig.defaults());

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void theFutureBoundAcceptsItsLimitAndRefusesOneMillisecondBeyond() {
    WriteResult result = write("tcp:10.0.0.7", RECEIVED + 5 * MINUTE, RECEIVED + 5 * MINUTE + 1);

    assertThat(result.accepted()).isEqualTo(1);
    assertThat(result.rejected()).singleElement().satisfies(r -> {
      assertThat(r.index()).isEqualTo(1);
      assertThat(r.reason()).isEqualTo("timestamp 2023-11-14T22:18:20.001Z is more than 5m ahead of the "
          + "receive time 2023-11-14T22:13:20Z (future bound, ingest.future-bound)");
    });
    assertThat(StoredRows.of(db, "m")).containsExactly((RECEIVED + 5 * MINUTE) + " s=a v=0.0");
  }

  @Test
  void thePastBoundAcceptsItsLimitAndRefusesOneMillisecondBeyond() {
    set(EngineSettings.PAST_BOUND, "1h");

    WriteResult result = write("tcp:10.0.0.7", RECEIVED - 60 * MINUTE, RECEIVED - 60 * MINUTE - 1);

    assertThat(result.accepted()).isEqualTo(1);
    assertThat(result.rejected()).singleElement().satisfies(r -> assertThat(r.reason())
        .contains("timestamp 2023-11-14T21:13:19.999Z is more than 1h behind the receive time")
        .contains("ingest.past-bound"));
  }

  @Test
  void clampingWritesPointsBeyondABoundAtTheBound() {
    set(EngineSettings.PAST_BOUND, "30m");
    set(EngineSettings.OUT_OF_BOUNDS, "clamp");
    PointBatch batch = batch("tcp:10.0.0.7", RECEIVED + 5 * MINUTE + 1, RECEIVED - 30 * MINUTE - 1, RECEIVED);

    WriteResult result = db.write(batch);

    assertThat(result.allAccepted()).isTrue();
    assertThat(batch.timestamp(0)).as("clamped in the batch").isEqualTo(RECEIVED + 5 * MINUTE);
    assertThat(StoredRows.of(db, "m")).containsExactly((RECEIVED - 30 * MINUTE) + " s=a v=1.0", RECEIVED + " s=a v=2.0",
        (RECEIVED + 5 * MINUTE) + " s=a v=0.0");
    assertThat(source("tcp:10.0.0.7").pointsClamped()).isEqualTo(2);
  }

  @Test
  void noBoundWhenSetToZero() {
    set(EngineSettings.FUTURE_BOUND, "0ms");
    PointBatch extremes = batch("api", Long.MAX_VALUE);
    extremes.point("m", Long.MIN_VALUE + 1).tag("s", "b").field("v", 1.0);

    assertThat(db.write(extremes).allAccepted()).isTrue();
  }

  @Test
  void pointsWithoutTimestampTakeTheReceiveTimeUnlessStampingIsNever() {
    assertThat(write("udp:10.0.0.9", PointBatch.NO_TIMESTAMP).allAccepted()).isTrue();
    assertThat(StoredRows.of(db, "m")).containsExactly(RECEIVED + " s=a v=0.0");

    set(EngineSettings.RECEIVE_TIME_STAMP, "never");
    WriteResult refused = write("udp:10.0.0.9", PointBatch.NO_TIMESTAMP);

    assertThat(refused.rejected()).singleElement().satisfies(r -> assertThat(r.reason())
        .isEqualTo("point has no timestamp and ingest.receive-time-stamp is never"));
    assertThat(source("udp:10.0.0.9").pointsRejectedOther()).isEqualTo(1);
    assertThat(source("udp:10.0.0.9").pointsStamped()).isEqualTo(1);
  }

  @Test
  void stampingAlwaysReplacesEveryTimestampEvenOneBeyondTheBounds() {
    set(EngineSettings.RECEIVE_TIME_STAMP, "always");

    assertThat(write("mqtt:plant/a", RECEIVED - 7 * MINUTE, RECEIVED + 6 * MINUTE).allAccepted()).isTrue();

    assertThat(StoredRows.of(db, "m")).containsExactly(RECEIVED + " s=a v=1.0");
  }

  @Test
  void listedSourcesAreStampedByExactNameOrPrefix() {
    set(EngineSettings.STAMPED_SOURCES, " udp:10.0.0.7 , mqtt:plant/old/* ");

    write("udp:10.0.0.7", RECEIVED + 10 * MINUTE);
    write("mqtt:plant/old/t1", RECEIVED - 10 * MINUTE);
    WriteResult notListed = write("udp:10.0.0.70", RECEIVED + 10 * MINUTE);

    assertThat(notListed.rejected()).hasSize(1);
    assertThat(source("udp:10.0.0.7").pointsStamped()).isEqualTo(1);
    assertThat(source("udp:10.0.0.7").clockOffsetMillis()).as("the wrong clock still shows").isEqualTo(10 * MINUTE);
    assertThat(source("mqtt:plant/old/t1").pointsStamped()).isEqualTo(1);
  }

  @Test
  void eachSourceCountsItsOwnPointsAndRefusals() {
    write("tcp:10.0.0.1", RECEIVED, RECEIVED + 6 * MINUTE, RECEIVED + 7 * MINUTE);
    write("tcp:10.0.0.2", RECEIVED - 2);
    PointBatch bad = batch("tcp:10.0.0.2", RECEIVED);
    bad.point("m", RECEIVED).tag("s", "b");   // refused: no fields
    db.write(bad);

    SourceStatus one = source("tcp:10.0.0.1");
    SourceStatus two = source("tcp:10.0.0.2");
    assertThat(List.of(one.pointsAccepted(), one.pointsRejectedFuture(), one.pointsRejectedOther()))
        .containsExactly(1L, 2L, 0L);
    assertThat(List.of(two.pointsAccepted(), two.pointsRejectedFuture(), two.pointsRejectedOther()))
        .containsExactly(2L, 0L, 1L);
    assertThat(one.protocol()).isEqualTo("tcp");
    assertThat(one.address()).isEqualTo("10.0.0.1");
    assertThat(one.clockOffsetMillis()).as("its newest timestamp, refused or not").isEqualTo(7 * MINUTE);
    assertThat(two.firstSeenMillis()).isEqualTo(RECEIVED);
  }

  @Test
  void aDurableDatabaseKeepsTheClampedTimestampNotTheSentOne(@TempDir Path dir) {
    DatabaseConfig durable = DatabaseConfig.defaults().withDataDirectory(dir);
    try (Database first = Database.open(durable)) {
      first.settings().change(EngineSettings.OUT_OF_BOUNDS, "clamp", "test");
      first.write(batch("api", RECEIVED + 9 * MINUTE));
    }
    try (Database reopened = Database.open(durable)) {
      assertThat(StoredRows.of(reopened, "m")).containsExactly((RECEIVED + 5 * MINUTE) + " s=a v=0.0");
    }
  }

  private WriteResult write(String source, long... timestamps) {
    return db.write(batch(source, timestamps));
  }

  /** Points of measurement m, series s=a, field v = their index; received at {@link #RECEIVED}. */
  private static PointBatch batch(String source, long... timestamps) {
    PointBatch batch = new PointBatch().source(source).receivedAt(RECEIVED);
    for (int i = 0; i < timestamps.length; i++) {
      batch.point("m", timestamps[i]).tag("s", "a").field("v", (double) i);
    }
    return batch;
  }

  private void set(String setting, String value) {
    db.settings().change(setting, value, "test");
  }

  private SourceStatus source(String name) {
    return db.sources().stream().filter(s -> s.source().equals(name)).findFirst().orElseThrow();
  }
}
