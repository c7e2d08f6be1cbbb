package io.edgetimedb.engine.durability;

import io.edgetimedb.engine.wal.ReplayProgressListener;
import io.edgetimedb.testsupport.DyingProcessFileSystem;
import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.read.PointCursor;
import io.edgetimedb.engine.read.ReadRequest;
import io.edgetimedb.engine.write.PointBatch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A batch with several points of one series: every point shares the batch's log sequence, and
 * each must be applied, live and in a replay. (A durable database once kept only the first
 * point of each series per batch, because a series skipped any point whose sequence it had
 * already applied.)
 */
class SeveralPointsPerSeriesTest {
  @TempDir
  Path dir;

  private DatabaseConfig config() {
    return DatabaseConfig.defaults().withDataDirectory(dir).withCheckpointIntervalMillis(0);
  }

  @Test
  void everyPointOfABatchIsKeptLiveAfterReplayAndAfterACheckpoint() {
    Database db = Database.open(config(), new DyingProcessFileSystem(), ReplayProgressListener.NONE);
    db.write(twoSeriesOfThreePoints(0));
    assertThat(timestamps(db)).containsExactly("a 0", "a 1", "a 2", "b 0", "b 1", "b 2");
    db.checkpoint();
    db.write(twoSeriesOfThreePoints(10));
    List<String> written = timestamps(db);
    assertThat(written).hasSize(12);
    // no close: the reopened database has the checkpoint and the log after it

    try (Database reopened = Database.open(config())) {
      assertThat(timestamps(reopened)).isEqualTo(written);
    }
  }

  private static PointBatch twoSeriesOfThreePoints(long from) {
    PointBatch batch = new PointBatch();
    for (String series : List.of("a", "b")) {
      for (long ts = from; ts < from + 3; ts++) {
        batch.point("m", ts).tag("series", series).field("value", ts * 1.5);
      }
    }
    return batch;
  }

  private static List<String> timestamps(Database db) {
    List<String> rows = new ArrayList<>();
    try (PointCursor c = db.read(ReadRequest.of("m"))) {
      while (c.next()) {
        assertThat(c.getDouble(0)).isEqualTo(c.timestamp() * 1.5);
        rows.add(c.tag(0) + " " + c.timestamp());
      }
    }
    return rows;
  }
}
