package io.edgetimedb.engine.write;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.EngineSettings;
import io.edgetimedb.engine.read.PointCursor;
import io.edgetimedb.engine.read.ReadRequest;
import io.edgetimedb.engine.vfs.RealFileSystem;
import io.edgetimedb.engine.wal.ReplayProgressListener;
import io.edgetimedb.testsupport.DyingProcessFileSystem;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A point that brings many new fields costs the same per field whatever the schema's size, on
 * the whole write path (check, log record, schema, head columns, latest values), and the log
 * and checkpoint bring every field back with its id. One line of 40,000 new fields once took
 * 108 s under the ingest lock. Counted in bytes allocated by the writing thread, so this is
 * deterministic, not a timing: work that copies per field allocates tens of kilobytes per
 * field at this size.
 */
class SchemaGrowthCostTest {
  private static final int FIELDS = 20_000;
  private static final long BYTES_PER_FIELD = 4 * 1024;

  @TempDir
  Path dir;

  @Test
  void aPointWithManyNewFieldsCostsTheSamePerFieldInMemory() {
    try (Database db = Database.open(DatabaseConfig.defaults())) {
      assertWideWriteIsLinear(db);
      assertEveryFieldIsBack(db);
    }
  }

  @Test
  void aDurablePointWithManyNewFieldsCostsTheSamePerFieldAndReplaysWhole() {
    DatabaseConfig config = DatabaseConfig.defaults().withDataDirectory(dir).withCheckpointIntervalMillis(0);
    Database db = Database.open(config, new DyingProcessFileSystem(), ReplayProgressListener.NONE);
    assertWideWriteIsLinear(db);
    // never closed: the log alone brings the fields back, then a checkpoint of them does
    try (Database replayed = Database.open(config, new RealFileSystem(), ReplayProgressListener.NONE)) {
      assertEveryFieldIsBack(replayed);
    }
    try (Database fromCheckpoint = Database.open(config)) {
      assertEveryFieldIsBack(fromCheckpoint);
    }
  }

  private static void assertWideWriteIsLinear(Database db) {
    // far beyond the default ingest.max-fields: the cost of schema growth is what is measured here
    db.settings().set(EngineSettings.MAX_FIELDS, Integer.toString(FIELDS), "test");
    PointBatch batch = new PointBatch();
    batch.point("wide", 1_700_000_000_000L).tag("site", "A");
    for (int f = 0; f < FIELDS; f++) {
      batch.field("f" + f, (double) f);
    }
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    WriteResult result = db.write(batch);
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;

    assertThat(result.rejected()).isEmpty();
    assertThat(allocated).as("bytes allocated writing %d new fields", FIELDS)
        .isLessThan(BYTES_PER_FIELD * FIELDS);
  }

  private static void assertEveryFieldIsBack(Database db) {
    try (PointCursor cursor = db.read(ReadRequest.of("wide"))) {
      assertThat(cursor.next()).isTrue();
      for (int f = 0; f < FIELDS; f += 997) {
        assertThat(cursor.fieldNames().get(f)).isEqualTo("f" + f);
        assertThat(cursor.getDouble(f)).as("field f%d", f).isEqualTo(f);
      }
      assertThat(cursor.getDouble(FIELDS - 1)).isEqualTo(FIELDS - 1);
      assertThat(cursor.next()).isFalse();
    }
  }
}
