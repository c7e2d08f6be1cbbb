package io.edgetimedb.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.StorageException;
import io.edgetimedb.engine.health.Severity;
import io.edgetimedb.engine.vfs.SimulatedFileSystem;
import io.edgetimedb.engine.wal.FsyncPolicy;
import io.edgetimedb.engine.wal.ReplayProgressListener;
import io.edgetimedb.engine.wal.WalOptions;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /health}, durable writes through the port, and what a failing disk does to both. */
class HttpHealthTest {
  @TempDir
  Path dir;

  @Test
  void anInMemoryDatabaseIsHealthy() {
    try (Database db = Database.open(DatabaseConfig.defaults()); HttpPort http = new HttpPort(db)) {
      HttpResponse<String> answer = http.get("/health");

      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
          .startsWith("application/json"));
      assertThat(answer.body()).startsWith("{\"status\":\"ok\",\"message\":null,\"version\":\"0.1.0\",\"startedAt\":")
          .contains("\"uptimeSeconds\":", "\"durable\":false", "\"dataDirectory\":null", "\"measurements\":0")
          .doesNotContain("\"wal\"");
    }
  }

  @Test
  void aConditionInForceSetsTheStatusAndIsListedUntilCleared() {
    try (Database db = Database.open(DatabaseConfig.defaults()); HttpPort http = new HttpPort(db)) {
      db.health().raise("checkpoint-damaged", Severity.DAMAGED, "checkpoint-7.etc failed its checksum");
      db.health().raise("open-server", Severity.DEGRADED, "listening on 0.0.0.0 without users");

      HttpResponse<String> damaged = http.get("/health");
      assertThat(damaged.statusCode()).isEqualTo(200);
      assertThat(damaged.body()).startsWith("{\"status\":\"damaged\"")
          .contains("\"conditions\":[{\"name\":\"checkpoint-damaged\",\"severity\":\"damaged\","
              + "\"message\":\"checkpoint-7.etc failed its checksum\"", "{\"name\":\"open-server\",\"severity\":\"degraded\"");

      db.health().clear("checkpoint-damaged");
      db.health().clear("open-server");
      assertThat(http.get("/health").body()).startsWith("{\"status\":\"ok\"").contains("\"conditions\":[]");
    }
  }

  @Test
  void aDurableWriteIsThereAfterAReopen() {
    DatabaseConfig config = DatabaseConfig.defaults().withDataDirectory(dir);
    try (Database db = Database.open(config); HttpPort http = new HttpPort(db)) {
      assertThat(http.post("/api/v2/write?precision=s", "m,s=a v=1 1\nm,s=a v=2 2").statusCode()).isEqualTo(204);
      HttpResponse<String> health = http.get("/health");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).contains("\"durable\":true", "\"dataDirectory\":\"" + dir.toAbsolutePath() + "\"",
          "\"wal\":{\"state\":\"ok\",\"segments\":1,", "\"writtenSequence\":1,\"durableSequence\":1",
          "\"checkpoint\":{\"written\":0,\"failed\":0,\"lastWrittenAt\":null");
    }
    try (Database reopened = Database.open(config); HttpPort http = new HttpPort(reopened)) {
      assertThat(http.rows("m")).containsExactly("s=a 1000 v=1.0", "s=a 2000 v=2.0");
    }
  }

  @Test
  void aFailedFsyncAnswersWritesWith503AndHealthWith503() {
    SimulatedFileSystem fs = new SimulatedFileSystem();
    DatabaseConfig config = DatabaseConfig.defaults().withDataDirectory(Path.of("/db")).withCheckpointIntervalMillis(0)
        // no background spare-segment preparation: its fsync could take the injected failure
        .withWal(WalOptions.defaults().withFsyncPolicy(FsyncPolicy.ALWAYS).withSpareInBackground(false));
    Database db = Database.open(config, fs, ReplayProgressListener.NONE);
    try (HttpPort http = new HttpPort(db)) {
      assertThat(http.post("/write?precision=ms", "m v=1 1").statusCode()).isEqualTo(204);
      fs.failNextSync(new IOException("EIO"));

      HttpResponse<String> write = http.post("/write?precision=ms", "m v=2 2");
      assertThat(write.statusCode()).isEqualTo(503);
      assertThat(write.body()).startsWith("{\"code\":\"unavailable\",\"message\":\"not written").contains("EIO");

      HttpResponse<String> health = http.get("/health");
      assertThat(health.statusCode()).isEqualTo(503);
      assertThat(health.body()).startsWith("{\"status\":\"unavailable\",\"message\":\"the write-ahead log refuses")
          .contains("\"state\":\"failed\"");
    }
  }

  @Test
  void aFullDiskAnswers503AndWritesResumeWhenSpaceReturns() throws InterruptedException {
    SimulatedFileSystem fs = new SimulatedFileSystem();
    // small segments with the spare prepared by the writer: the disk fills at a rotation, soon
    DatabaseConfig config = DatabaseConfig.defaults().withDataDirectory(Path.of("/db")).withCheckpointIntervalMillis(0)
        .withWal(WalOptions.defaults().withSegmentBytes(4096).withSpareInBackground(false));
    try (Database db = Database.open(config, fs, ReplayProgressListener.NONE); HttpPort http = new HttpPort(db)) {
      fs.failWritesAfter(0);
      int status = 204;
      int written = 0;
      while (status == 204 && written < 1000) {
        status = http.post("/write?precision=ms", "m,s=a v=1 " + written + "\nm,s=b v=2 " + written).statusCode();
        written += status == 204 ? 1 : 0;
      }
      assertThat(status).isEqualTo(503);
      HttpResponse<String> health = http.get("/health");
      assertThat(health.statusCode()).as("read-only until space returns").isEqualTo(503);
      assertThat(health.body()).contains("\"name\":\"" + Database.LOG_SPACE + "\"", "\"state\":\"ok\"");

      fs.setCapacity(Long.MAX_VALUE);
      HttpReadOnlyTest.awaitWritesTaken(db);
      assertThat(http.post("/write?precision=ms", "m,s=a v=1 " + written).statusCode()).isEqualTo(204);
      assertThat(http.rows("m")).hasSize(2 * written + 1);
    }
  }

  @Test
  void aFailedCheckpointMakesHealthDegradedButStill200() {
    SimulatedFileSystem fs = new SimulatedFileSystem();
    // no background spare-segment preparation, so the checkpoint's is the next fsync
    DatabaseConfig config = DatabaseConfig.defaults().withDataDirectory(Path.of("/db")).withCheckpointIntervalMillis(0)
        .withWal(WalOptions.defaults().withSpareInBackground(false));
    try (Database db = Database.open(config, fs, ReplayProgressListener.NONE); HttpPort http = new HttpPort(db)) {
      assertThat(http.post("/write?precision=ms", "m v=1 1").statusCode()).isEqualTo(204);
      fs.failNextSync(new IOException("EIO"));
      assertThatThrownBy(db::checkpoint).isInstanceOf(StorageException.class);

      HttpResponse<String> health = http.get("/health");
      assertThat(health.statusCode()).isEqualTo(200);
      assertThat(health.body()).startsWith("{\"status\":\"degraded\"").contains("\"failed\":1", "EIO");
      assertThat(http.post("/write?precision=ms", "m v=2 2").statusCode()).isEqualTo(204);
    }
  }

  @Test
  void aClosedDatabaseIsUnavailable() {
    Database db = Database.open(DatabaseConfig.defaults());
    try (HttpPort http = new HttpPort(db)) {
      db.close();
      assertThat(http.get("/health").statusCode()).isEqualTo(503);
      assertThat(http.post("/write", "m v=1").statusCode()).isEqualTo(503);
    }
  }
}
