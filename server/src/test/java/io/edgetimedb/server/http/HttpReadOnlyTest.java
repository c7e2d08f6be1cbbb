package io.edgetimedb.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.vfs.SimulatedFileSystem;
import io.edgetimedb.engine.wal.FsyncPolicy;
import io.edgetimedb.engine.wal.ReplayProgressListener;
import io.edgetimedb.engine.wal.WalOptions;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * A database that is read-only because its log cannot reserve disk space answers writes with 503,
 * Retry-After and a one-line reason, reports itself unavailable on /health, keeps answering
 * reads, and takes writes again once space returns.
 */
class HttpReadOnlyTest {
  private static final long SEGMENT = 64 << 10;

  @Test
  void aReadOnlyDatabaseAnswersWritesWith503AndRetryAfterUntilSpaceReturns() throws Exception {
    SimulatedFileSystem fs = new SimulatedFileSystem();
    DatabaseConfig config = DatabaseConfig.defaults().withDataDirectory(Path.of("/db")).withCheckpointIntervalMillis(0)
        .withWal(WalOptions.defaults().withFsyncPolicy(FsyncPolicy.ALWAYS).withSegmentBytes(SEGMENT));
    try (Database db = Database.open(config, fs, ReplayProgressListener.NONE); HttpPort http = new HttpPort(db)) {
      assertThat(http.post("/api/v2/write?precision=s", "m,s=a v=1 1").statusCode()).isEqualTo(204);
    }
    fs.failWritesAfter(SEGMENT - 1);

    Database db = Database.open(config, fs, ReplayProgressListener.NONE);
    try (HttpPort http = new HttpPort(db)) {
      HttpResponse<String> refused = http.post("/api/v2/write?precision=s", "m,s=a v=2 2");
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.headers().firstValue("Retry-After")).hasValue(String.valueOf(WriteResource.RETRY_AFTER_SECONDS));
      assertThat(refused.body()).startsWith("{\"code\":\"unavailable\",\"message\":\"not written, writes refused, "
          + "the database is read-only: ").contains(SEGMENT + " bytes needed").doesNotContain("\\n");

      HttpResponse<String> health = http.get("/health");
      assertThat(health.statusCode()).isEqualTo(503);
      assertThat(health.body()).startsWith("{\"status\":\"unavailable\"").contains("\"name\":\"" + Database.LOG_SPACE);
      assertThat(http.rows("m")).containsExactly("s=a 1000 v=1.0");

      fs.setCapacity(Long.MAX_VALUE);
      awaitWritesTaken(db);
      assertThat(http.post("/api/v2/write?precision=s", "m,s=a v=2 2").statusCode()).isEqualTo(204);
      assertThat(http.get("/health").body()).startsWith("{\"status\":\"ok\"");
    }
    db.close();
  }

  /** The database retries its disk space about once a second; the deadline only keeps a broken build from hanging. */
  static void awaitWritesTaken(Database db) throws InterruptedException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (db.writesRefused() != null && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
  }
}
