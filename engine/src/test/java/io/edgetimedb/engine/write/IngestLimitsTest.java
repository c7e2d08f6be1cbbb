package io.edgetimedb.engine.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.EngineSettings;
import io.edgetimedb.engine.index.TagPredicate;
import io.edgetimedb.engine.settings.SettingsRegistry;
import io.edgetimedb.engine.sources.SourceStatus;
import io.edgetimedb.engine.wal.ReplayProgressListener;
import io.edgetimedb.testsupport.DyingProcessFileSystem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ingest.max-fields} and {@code ingest.max-series} at their limits, in memory and durable
 * (where the limit is checked again under the ingest lock): the limit passes, one more is
 * refused with a reason naming the setting, counted for the source; the log's replay never
 * refuses what was once accepted.
 */
class IngestLimitsTest {
  private static final long T = 1_700_000_000_000L;

  @TempDir
  Path dir;

  @Test
  void aPointWithTheDefaultMaxFieldsPassesAndOneMoreFieldIsRefused() {
    try (Database db = Database.open(DatabaseConfig.defaults())) {
      WriteResult result = db.write(new PointBatch().source("api")
          .addPointFrom(wide("a", 1_024, 0), 0).addPointFrom(wide("b", 1_025, 0), 0));

      assertThat(result.accepted()).isEqualTo(1);
      assertThat(result.rejected()).singleElement().satisfies(r -> {
        assertThat(r.index()).isEqualTo(1);
        assertThat(r.reason()).isEqualTo("point has 1,025 fields, more than ingest.max-fields = 1,024");
      });
      assertThat(db.fields("a")).hasSize(1_024);
      assertThat(db.measurements()).containsExactly("a");
    }
  }

  @Test
  void aMeasurementGrowsToMaxFieldsAndNotOneBeyondInMemory() {
    try (Database db = Database.open(DatabaseConfig.defaults())) {
      assertMeasurementStopsAtTheLimit(db);
    }
  }

  @Test
  void aMeasurementGrowsToMaxFieldsAndNotOneBeyondDurably() {
    try (Database db = Database.open(DatabaseConfig.defaults().withDataDirectory(dir))) {
      assertMeasurementStopsAtTheLimit(db);
    }
    try (Database reopened = Database.open(DatabaseConfig.defaults().withDataDirectory(dir))) {
      assertThat(reopened.fields("m")).hasSize(1_024);
    }
  }

  /**
   * 1,000 fields, then one batch whose points each add 13 new ones: the check passes both
   * against the schema as it was, the write only the first; then up to the limit, and one beyond.
   */
  private static void assertMeasurementStopsAtTheLimit(Database db) {
    assertThat(db.write(wide("m", 1_000, 0)).accepted()).isEqualTo(1);
    PointBatch twoPoints = new PointBatch().source("api").receivedAt(T)
        .addPointFrom(wide("m", 13, 1_000), 0).addPointFrom(wide("m", 13, 1_013), 0);

    WriteResult result = db.write(twoPoints);

    assertThat(result.accepted()).isEqualTo(1);
    assertThat(result.rejected()).singleElement().satisfies(r -> assertThat(r.reason())
        .isEqualTo("measurement 'm' would have 1,026 fields, more than ingest.max-fields = 1,024"));
    assertThat(db.fields("m")).hasSize(1_013);
    assertThat(db.write(wide("m", 11, 1_013)).accepted()).isEqualTo(1);
    assertThat(db.fields("m")).hasSize(1_024);
    assertThat(db.write(wide("m", 1, 1_024)).rejected()).singleElement().satisfies(r -> assertThat(r.reason())
        .isEqualTo("measurement 'm' would have 1,025 fields, more than ingest.max-fields = 1,024"));
    assertThat(source(db, "api").pointsRejectedLimit()).isEqualTo(2);
  }

  @Test
  void seriesUpToMaxSeriesPassAndTheNextIsRefusedInMemory() {
    try (Database db = Database.open(DatabaseConfig.defaults())) {
      assertSeriesStopAtTheLimit(db);
    }
  }

  @Test
  void seriesUpToMaxSeriesPassAndTheNextIsRefusedDurably() {
    try (Database db = Database.open(DatabaseConfig.defaults().withDataDirectory(dir))) {
      assertSeriesStopAtTheLimit(db);
    }
  }

  /** Limit 3: one batch of 5 new series writes 3; dropping a measurement frees its series. */
  private static void assertSeriesStopAtTheLimit(Database db) {
    db.settings().change(EngineSettings.MAX_SERIES, "3", "test");

    WriteResult result = db.write(sensors("plant", "tcp:10.0.0.7", 0, 5));

    assertThat(result.accepted()).isEqualTo(3);
    assertThat(result.rejected()).hasSize(2).allSatisfy(r -> assertThat(r.reason())
        .isEqualTo("measurement 'plant' would add series 4, more than ingest.max-series = 3"));
    assertThat(db.series("plant", TagPredicate.all())).hasSize(3);
    assertThat(db.write(sensors("plant", "tcp:10.0.0.7", 0, 3)).accepted()).as("existing series").isEqualTo(3);
    SourceStatus source = source(db, "tcp:10.0.0.7");
    assertThat(source.pointsRejectedLimit()).isEqualTo(2);
    assertThat(source.pointsRejectedOther()).isZero();
    assertThat(db.refusedByLimits()).isEqualTo(2);
    assertThat(db.health().get(Database.INGEST_LIMIT_REACHED)).hasValueSatisfying(c -> assertThat(c.message())
        .contains("ingest.max-series"));

    db.dropMeasurement("plant", "test");
    assertThat(db.write(sensors("other", "tcp:10.0.0.7", 0, 3)).accepted()).isEqualTo(3);
    db.settings().change(EngineSettings.MAX_SERIES, "10", "test");
    assertThat(db.health().get(Database.INGEST_LIMIT_REACHED)).isEmpty();
  }

  @Test
  void theReplayRestoresSeriesBeyondALimitLoweredSinceTheyWereWritten() {
    Database crashed = Database.open(DatabaseConfig.defaults().withDataDirectory(dir).withCheckpointIntervalMillis(0),
        new DyingProcessFileSystem(), ReplayProgressListener.NONE);
    assertThat(crashed.write(sensors("plant", "api", 0, 5)).accepted()).isEqualTo(5);
    assertThat(crashed.write(wide("m", 30, 0)).accepted()).isEqualTo(1);

    SettingsRegistry lowered = new SettingsRegistry();
    EngineSettings.define(lowered);
    lowered.set(EngineSettings.MAX_SERIES, "2", "test");
    lowered.set(EngineSettings.MAX_FIELDS, "10", "test");
    try (Database reopened = Database.open(DatabaseConfig.defaults().withDataDirectory(dir), lowered)) {
      assertThat(reopened.series("plant", TagPredicate.all())).hasSize(5);
      assertThat(reopened.fields("m")).hasSize(30);
      assertThat(reopened.write(sensors("plant", "api", 5, 6).receivedAt(T)).rejected()).singleElement()
          .satisfies(r -> assertThat(r.reason()).contains("ingest.max-series = 2"));
    }
  }

  /** One point of {@code measurement} with {@code fields} fields named f{first}, f{first + 1}, .... */
  private static PointBatch wide(String measurement, int fields, int first) {
    PointBatch batch = new PointBatch().source("api").receivedAt(T);
    batch.point(measurement, T).tag("site", "A");
    for (int f = first; f < first + fields; f++) {
      batch.field("f" + f, f);
    }
    return batch;
  }

  /** One point each for sensors {@code from} (inclusive) to {@code to} (exclusive), each its own series. */
  private static PointBatch sensors(String measurement, String source, int from, int to) {
    PointBatch batch = new PointBatch().source(source).receivedAt(T);
    for (int s = from; s < to; s++) {
      batch.point(measurement, T).tag("sensor", "s" + s).field("value", s);
    }
    return batch;
  }

  private static SourceStatus source(Database db, String name) {
    return db.sources().stream().filter(s -> s.source().equals(name)).findFirst().orElseThrow();
  }
}
