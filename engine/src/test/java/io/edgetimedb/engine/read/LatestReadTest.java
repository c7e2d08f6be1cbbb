package io.edgetimedb.engine.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.index.TagPredicate;
import io.edgetimedb.engine.write.PointBatch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The last values a series keeps on its write path must always equal what a scan finds: the
 * value of each field's newest row that carries it. Checked after late points, rewrites of the
 * same timestamp, deletes, widening and a restart from a checkpoint. So must the newest row of
 * each series ("ORDER BY ts DESC LIMIT 1"), which is built from those values.
 */
class LatestReadTest {
  private static final DatabaseConfig SMALL_CHUNKS = DatabaseConfig.defaults().withChunkRows(16);

  @Test
  void equalsTheScanUnderLatePointsRewritesAndSparseFields() {
    try (Database db = Database.open(SMALL_CHUNKS)) {
      writeRandomly(db, new Random(7), 3000);
      assertThat(latestOf(db)).isEqualTo(scannedLatestOf(db)).isNotEmpty();
      assertThat(newestRowsOf(db)).isEqualTo(scannedNewestRowsOf(db)).hasSize(4);
    }
  }

  @Test
  void newestRowsFollowDeletesAndRangesThatEndBeforeThem() {
    try (Database db = Database.open(SMALL_CHUNKS)) {
      writeRandomly(db, new Random(5), 2000);
      db.delete("m", TagPredicate.eq("site", "s1"), 1_001_500, Long.MAX_VALUE);
      assertThat(newestRowsOf(db)).isEqualTo(scannedNewestRowsOf(db)).hasSize(4);
      for (long to : new long[] {1_000_100, 1_001_000, 1_001_999}) {
        Map<String, String> newest = new HashMap<>();
        try (PointCursor c = db.read(ReadRequest.of("m").tagKeys("site").timeRange(Long.MIN_VALUE, to)
            .descending(true).limitPerSeries(1))) {
          while (c.next()) {
            newest.put(c.tag(0), rowOf(c));
          }
        }
        assertThat(newest).as("before %d", to).isEqualTo(lastRowsBefore(db, to));
      }
    }
  }

  @Test
  void aLatePointDoesNotReplaceANewerValueButRewritingTheSameTimeDoes() {
    try (Database db = Database.open(SMALL_CHUNKS)) {
      write(db, "A", 100, "v", 1.0);
      write(db, "A", 50, "v", 2.0);
      assertThat(latestOf(db)).containsEntry("A/v", "100=1.0");
      write(db, "A", 100, "v", 3.0);
      assertThat(latestOf(db)).containsEntry("A/v", "100=3.0");
    }
  }

  @Test
  void deletesAreFollowedDownToOlderChunksAndToNoValueAtAll() {
    try (Database db = Database.open(SMALL_CHUNKS)) {
      for (long ts = 0; ts < 100; ts++) {
        write(db, "A", ts, ts < 10 ? "rare" : "v", (double) ts);
      }
      db.delete("m", TagPredicate.all(), 40, 100);
      assertThat(latestOf(db)).containsEntry("A/v", "39=39.0").containsEntry("A/rare", "9=9.0");
      assertThat(latestOf(db)).isEqualTo(scannedLatestOf(db));
      db.delete("m", TagPredicate.all(), Long.MIN_VALUE, Long.MAX_VALUE);
      assertThat(latestOf(db)).isEmpty();
      write(db, "A", 5, "v", 5.0);
      assertThat(latestOf(db)).containsOnly(Map.entry("A/v", "5=5.0"));
    }
  }

  @Test
  void valuesAreReadInTheWidenedType() {
    try (Database db = Database.open(SMALL_CHUNKS)) {
      PointBatch batch = new PointBatch();
      batch.point("m", 100).tag("site", "A").field("v", 5L);
      batch.point("m", 50).tag("site", "A").field("v", "text");
      db.write(batch);
      List<LatestRow> rows = db.latest("m", TagPredicate.all(), List.of("v"));
      assertThat(rows.get(0).value(0)).isEqualTo("5");
      assertThat(latestOf(db)).isEqualTo(scannedLatestOf(db));
    }
  }

  @Test
  void aRestoredDatabaseRebuildsItsLastValuesFromItsChunks(@TempDir Path dir) {
    DatabaseConfig durable = SMALL_CHUNKS.withDataDirectory(dir).withCheckpointIntervalMillis(0);
    Map<String, String> before;
    try (Database db = Database.open(durable)) {
      writeRandomly(db, new Random(11), 1000);
      db.checkpoint();
      writeRandomly(db, new Random(12), 200);
      before = latestOf(db);
    }
    try (Database db = Database.open(durable)) {
      assertThat(latestOf(db)).isEqualTo(before).isEqualTo(scannedLatestOf(db));
      assertThat(newestRowsOf(db)).isEqualTo(scannedNewestRowsOf(db));
    }
  }

  @Test
  void selectsSeriesByPredicateAndRefusesUnknownFields() {
    try (Database db = Database.open(SMALL_CHUNKS)) {
      write(db, "A", 1, "v", 1.0);
      write(db, "B", 2, "v", 2.0);
      List<LatestRow> rows = db.latest("m", TagPredicate.eq("site", "B"), List.of("v"));
      assertThat(rows).singleElement().satisfies(r -> {
        assertThat(r.tags()).containsEntry("site", "B");
        assertThat(r.fieldCount()).isEqualTo(1);
        assertThat(r.seriesId()).isEqualTo(1);
      });
      assertThatThrownBy(() -> db.latest("m", TagPredicate.all(), List.of("nope")))
          .hasMessageContaining("unknown field 'nope'");
    }
  }

  private static void writeRandomly(Database db, Random random, int points) {
    PointBatch batch = new PointBatch();
    long now = 1_000_000;
    for (int i = 0; i < points; i++) {
      now += random.nextInt(3);
      long ts = random.nextInt(10) == 0 ? now - random.nextInt(500) : now;
      String site = "s" + random.nextInt(4);
      var point = batch.point("m", ts).tag("site", site);
      if (random.nextBoolean()) {
        point.field("a", random.nextInt(100) / 10.0);
      }
      if (random.nextInt(3) == 0 || i % 7 == 0) {
        point.field("b", (long) random.nextInt(1000));
      }
      if (random.nextInt(5) == 0) {
        point.field("a", -1.0).field("b", -1L);
      }
      if (batch.size() == 50) {
        db.write(batch);
        batch.clear();
      }
    }
    db.write(batch);
  }

  private static void write(Database db, String site, long ts, String field, double value) {
    PointBatch batch = new PointBatch();
    batch.point("m", ts).tag("site", site).field(field, value);
    db.write(batch);
  }

  /** "site/field" to "timestamp=value" from the kept last values. */
  private static Map<String, String> latestOf(Database db) {
    Map<String, String> out = new HashMap<>();
    List<String> fields = fieldNames(db);
    for (LatestRow row : db.latest("m", TagPredicate.all(), fields)) {
      for (int i = 0; i < fields.size(); i++) {
        if (row.hasValue(i)) {
          out.put(row.tags().get("site") + "/" + fields.get(i), row.timestamp(i) + "=" + row.value(i));
        }
      }
    }
    return out;
  }

  /** The same from a scan of every row. */
  private static Map<String, String> scannedLatestOf(Database db) {
    Map<String, String> out = new HashMap<>();
    try (PointCursor c = db.read(ReadRequest.of("m").tagKeys("site"))) {
      while (c.next()) {
        for (int i = 0; i < c.fieldNames().size(); i++) {
          if (!c.isNull(i)) {
            out.put(c.tag(0) + "/" + c.fieldNames().get(i), c.timestamp() + "=" + c.getObject(i));
          }
        }
      }
    }
    return out;
  }

  /** Site to "timestamp: field values" of each series' newest row, read newest first, one row each. */
  private static Map<String, String> newestRowsOf(Database db) {
    Map<String, String> out = new HashMap<>();
    try (PointCursor c = db.read(ReadRequest.of("m").tagKeys("site").descending(true).limitPerSeries(1))) {
      while (c.next()) {
        assertThat(out.put(c.tag(0), rowOf(c))).as("one row per series").isNull();
      }
    }
    return out;
  }

  /** The same from the last row of each series in a scan of every row. */
  private static Map<String, String> scannedNewestRowsOf(Database db) {
    return lastRowsBefore(db, Long.MAX_VALUE);
  }

  private static Map<String, String> lastRowsBefore(Database db, long to) {
    Map<String, String> out = new HashMap<>();
    try (PointCursor c = db.read(ReadRequest.of("m").tagKeys("site").timeRange(Long.MIN_VALUE, to))) {
      while (c.next()) {
        out.put(c.tag(0), rowOf(c));
      }
    }
    return out;
  }

  private static String rowOf(PointCursor c) {
    StringBuilder row = new StringBuilder().append(c.timestamp()).append(':');
    for (int i = 0; i < c.fieldNames().size(); i++) {
      row.append(' ').append(c.fieldNames().get(i)).append('=').append(c.getObject(i));
    }
    return row.toString();
  }

  private static List<String> fieldNames(Database db) {
    List<String> names = new ArrayList<>();
    db.fields("m").forEach(f -> names.add(f.name()));
    return names;
  }
}
