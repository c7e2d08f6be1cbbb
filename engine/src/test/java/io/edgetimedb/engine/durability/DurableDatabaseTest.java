package io.edgetimedb.engine.durability;

import io.edgetimedb.testsupport.DyingProcessFileSystem;
import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.index.TagPredicate;
import io.edgetimedb.engine.read.PointCursor;
import io.edgetimedb.engine.read.ReadRequest;
import io.edgetimedb.engine.simulation.SensorFeed;
import io.edgetimedb.engine.vfs.RealFileSystem;
import io.edgetimedb.engine.wal.ReplayProgressListener;
import io.edgetimedb.engine.write.PointBatch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A durable database on the real file system comes back with everything it acknowledged. */
class DurableDatabaseTest {
  @TempDir
  Path dir;

  private DatabaseConfig config() {
    return DatabaseConfig.defaults().withChunkRows(64).withDataDirectory(dir).withCheckpointIntervalMillis(0);
  }

  @Test
  void reopensWithEveryRowFieldAndSchemaChangeAfterClose() {
    List<String> before;
    try (Database db = Database.open(config())) {
      new SensorFeed(24, 5, 1_700_000_000_000L, 1000).writeTicks(db, 300);
      before = dump(db);
    }
    try (Database db = Database.open(config())) {
      assertThat(dump(db)).isEqualTo(before);
      assertThat(db.recoveryReport().checkpoint()).isNotNull();
    }
  }

  @Test
  void replaysTheLogWhenTheProcessNeverClosed() throws Exception {
    Database db = Database.open(config(), new DyingProcessFileSystem(), ReplayProgressListener.NONE);
    new SensorFeed(12, 5, 1_700_000_000_000L, 1000).writeTicks(db, 100);
    db.checkpoint();
    new SensorFeed(12, 6, 1_700_000_100_000L, 1000).writeTicks(db, 100);
    PointBatch batch = new PointBatch();
    batch.point("temperature", 1_700_000_000_500L).tag("site", "site-0").tag("line", "line-0")
        .tag("sensor", "s00000").field("value", -1.5);
    db.write(batch);
    db.delete("door", TagPredicate.all(), 0, 1_700_000_050_000L);
    db.dropMeasurement("status", "test");
    List<String> before = dump(db);
    // no close: the log is all the next process has after the checkpoint

    List<long[]> progress = new ArrayList<>();
    ReplayProgressListener listener = (done, total) -> progress.add(new long[] {done, total});
    try (Database reopened = Database.open(config(), new RealFileSystem(), listener)) {
      assertThat(dump(reopened)).isEqualTo(before);
      RecoveryReport report = reopened.recoveryReport();
      assertThat(report.checkpointSequence()).isEqualTo(100);
      assertThat(report.recordsApplied()).isEqualTo(103);
      assertThat(report.replay().isClean()).isTrue();
      assertThat(progress).isNotEmpty();
      assertThat(reopened.measurements()).doesNotContain("status");
      assertThat(reopened.schemaHistory()).hasSameSizeAs(db.schemaHistory());
    }
  }

  @Test
  void eachCheckpointKeepsThePreviousOneAsItsFallbackAndReplacesTheOlderOnes() throws Exception {
    List<String> before;
    try (Database db = Database.open(config())) {
      new SensorFeed(6, 5, 1_700_000_000_000L, 1000).writeTicks(db, 50);
      Path first = db.checkpoint();
      new SensorFeed(6, 5, 1_700_000_100_000L, 1000).writeTicks(db, 50);
      Path second = db.checkpoint();
      assertThat(second).isNotEqualTo(first);
      assertThat(Files.exists(first)).as("kept until a newer one is verified and one more written").isTrue();
      new SensorFeed(6, 5, 1_700_000_200_000L, 1000).writeTicks(db, 50);
      Path third = db.checkpoint();
      assertThat(Files.exists(first)).isFalse();
      assertThat(Files.exists(second)).isTrue();
      assertThat(db.checkpoint()).isEqualTo(third);
      before = dump(db);
    }
    try (Database reopened = Database.open(config())) {
      assertThat(dump(reopened)).isEqualTo(before);
      assertThat(reopened.recoveryReport().unusableCheckpoints()).isEmpty();
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.filter(f -> f.getFileName().toString().startsWith("checkpoint-"))).hasSize(2);
    }
  }

  @Test
  void declaredMeasurementsComeBackFromTheLog() {
    Database db = Database.open(config(), new DyingProcessFileSystem(), ReplayProgressListener.NONE);
    db.createMeasurement("boiler", List.of("site"), List.of(new io.edgetimedb.engine.FieldInfo("value",
        io.edgetimedb.engine.schema.FieldType.DOUBLE)), "sql");
    // no close, no checkpoint: only the log knows
    try (Database reopened = Database.open(config())) {
      assertThat(reopened.measurements()).containsExactly("boiler");
      assertThat(reopened.tagKeys("boiler")).containsExactly("site");
      assertThat(reopened.fields("boiler")).extracting(io.edgetimedb.engine.FieldInfo::name).containsExactly("value");
      assertThat(reopened.schemaHistory()).hasSize(3).allSatisfy(c -> assertThat(c.source()).isEqualTo("sql"));
    }
  }

  /** Every row of every measurement with its tags, as text, in cursor order. */
  static List<String> dump(Database db) {
    List<String> rows = new ArrayList<>();
    for (String m : db.measurements()) {
      try (PointCursor c = db.read(ReadRequest.of(m))) {
        while (c.next()) {
          StringBuilder row = new StringBuilder(m).append(' ').append(c.seriesId()).append(' ').append(c.timestamp());
          for (int i = 0; i < c.tagKeys().size(); i++) {
            row.append(' ').append(c.tagKeys().get(i)).append('=').append(c.tag(i));
          }
          for (int i = 0; i < c.fieldNames().size(); i++) {
            Object v = c.getObject(i);
            row.append(' ').append(c.fieldNames().get(i)).append('=')
                .append(v instanceof Double d ? Long.toHexString(Double.doubleToRawLongBits(d)) : v);
          }
          rows.add(row.toString());
        }
      }
    }
    return rows;
  }
}
