package io.edgetimedb.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgetimedb.engine.settings.ImmutableSettingException;
import io.edgetimedb.engine.settings.InvalidSettingValueException;
import io.edgetimedb.engine.settings.Setting;
import io.edgetimedb.engine.settings.SettingsRegistry;
import io.edgetimedb.engine.wal.FsyncPolicy;
import io.edgetimedb.engine.wal.WalOptions;
import io.edgetimedb.engine.write.PointBatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseSettingsTest {
  private static final long HOUR = 3_600_000L;
  private static final long T = 1_700_000_000_000L;

  @TempDir
  Path dir;

  @Test
  void aDatabaseListsTheEngineSettingsWithItsConfigValues() {
    try (Database db = Database.open(DatabaseConfig.defaults().withChunkRows(64))) {
      SettingsRegistry settings = db.settings();
      assertThat(settings.settings()).extracting(Setting::name).contains(EngineSettings.CHUNK_ROWS,
          EngineSettings.OUT_OF_ORDER_WINDOW, EngineSettings.MAX_VALUE_LENGTH, EngineSettings.MEMORY_BUDGET,
          EngineSettings.CHECKPOINT_INTERVAL, EngineSettings.WAL_FSYNC, EngineSettings.WAL_GROUP_COMMIT,
          EngineSettings.WAL_SEGMENT_SIZE);
      assertThat(settings.longValue(EngineSettings.CHUNK_ROWS)).isEqualTo(64);
      assertThat(settings.source(EngineSettings.CHUNK_ROWS)).isEqualTo("api");
      assertThat(settings.display(EngineSettings.MEMORY_BUDGET)).isEqualTo("256MiB");
      assertThat(settings.source(EngineSettings.MEMORY_BUDGET)).isEqualTo("default");
      assertThat(settings.stringValue(EngineSettings.WAL_FSYNC)).isEqualTo("group");
      assertThat(settings.setting(EngineSettings.CHUNK_ROWS).mutable()).isFalse();
    }
  }

  @Test
  void theConfigMadeFromTheRegistryIsTheConfigThatFilledIt() {
    DatabaseConfig config = DatabaseConfig.defaults().withChunkRows(16).withOutOfOrderWindowMillis(5)
        .withMaxValueLength(100).withMemoryBudgetBytes(1 << 20).withCheckpointIntervalMillis(0)
        .withWal(WalOptions.defaults().withFsyncPolicy(FsyncPolicy.ALWAYS).withGroupCommitMillis(1)
            .withSegmentBytes(4096)).withDataDirectory(dir);
    SettingsRegistry settings = new SettingsRegistry();
    EngineSettings.adopt(settings, config);
    assertThat(EngineSettings.config(settings, dir)).isEqualTo(config);
  }

  @Test
  void aLargerOutOfOrderWindowAcceptsOlderPointsFromTheNextBatchOn() {
    try (Database db = Database.open(DatabaseConfig.defaults())) {
      db.write(point(T, 1.0));
      assertThat(db.write(point(T - 2 * HOUR, 2.0)).rejected()).hasSize(1);

      db.settings().change(EngineSettings.OUT_OF_ORDER_WINDOW, "3h", "sql:test");

      assertThat(db.write(point(T - 2 * HOUR, 2.0)).allAccepted()).isTrue();
      assertThat(db.config().outOfOrderWindowMillis()).isEqualTo(3 * HOUR);
    }
  }

  @Test
  void aSmallerValueLimitRefusesLongerStrings() {
    try (Database db = Database.open(DatabaseConfig.defaults())) {
      db.settings().change(EngineSettings.MAX_VALUE_LENGTH, "4B", "sql:test");
      PointBatch batch = new PointBatch();
      batch.point("door", T).tag("site", "A").field("state", "closed");
      assertThat(db.write(batch).rejected()).singleElement()
          .satisfies(r -> assertThat(r.reason()).contains("over the limit of 4"));
      assertThat(db.config().maxValueLength()).isEqualTo(4);
    }
  }

  @Test
  void theMemoryBudgetIsReportedAgainstAsChanged() {
    try (Database db = Database.open(DatabaseConfig.defaults())) {
      db.settings().change(EngineSettings.MEMORY_BUDGET, "64MiB", "sql:test");
      assertThat(db.memoryUsage().budget()).isEqualTo(64L << 20);
      assertThat(db.config().memoryBudgetBytes()).isEqualTo(64L << 20);
    }
  }

  @Test
  void aCheckpointIntervalSetAtRunTimeStartsBackgroundCheckpoints() throws Exception {
    try (Database db = Database.open(DatabaseConfig.defaults().withDataDirectory(dir).withCheckpointIntervalMillis(0))) {
      db.write(point(T, 1.0));
      assertThat(checkpoints()).isEmpty();

      db.settings().change(EngineSettings.CHECKPOINT_INTERVAL, "20ms", "sql:test");

      long deadline = System.currentTimeMillis() + 10_000;
      while (checkpoints().isEmpty() && System.currentTimeMillis() < deadline) {
        Thread.sleep(10);
      }
      assertThat(checkpoints()).isNotEmpty();
      db.settings().change(EngineSettings.CHECKPOINT_INTERVAL, "0ms", "sql:test");
      db.settings().change(EngineSettings.CHECKPOINT_INTERVAL, "1h", "sql:test");
      assertThat(db.lastCheckpointFailure()).isNull();
    }
  }

  @Test
  void settingsThatShapeStructuresBuiltAtOpenCannotChange() {
    try (Database db = Database.open(DatabaseConfig.defaults())) {
      assertThatThrownBy(() -> db.settings().change(EngineSettings.WAL_FSYNC, "os", "sql:test"))
          .isInstanceOf(ImmutableSettingException.class);
      assertThatThrownBy(() -> db.settings().change(EngineSettings.MAX_VALUE_LENGTH, "4GiB", "sql:test"))
          .isInstanceOf(InvalidSettingValueException.class).hasMessageContaining("out of range");
    }
  }

  @Test
  void aGivenRegistryIsKeptWithItsOtherSettings() {
    SettingsRegistry settings = new SettingsRegistry();
    EngineSettings.define(settings);
    settings.define(Setting.count("http.port", 8086, "port"));
    settings.set(EngineSettings.OUT_OF_ORDER_WINDOW, "2h", "file:x.conf");
    try (Database db = Database.open(EngineSettings.config(settings, null), settings)) {
      assertThat(db.settings()).isSameAs(settings);
      assertThat(db.config().outOfOrderWindowMillis()).isEqualTo(2 * HOUR);
      assertThat(settings.source(EngineSettings.OUT_OF_ORDER_WINDOW)).isEqualTo("file:x.conf");
    }
  }

  private List<Path> checkpoints() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().startsWith("checkpoint-")).toList();
    }
  }

  private static PointBatch point(long ts, double value) {
    PointBatch batch = new PointBatch();
    batch.point("boiler", ts).tag("site", "A").field("value", value);
    return batch;
  }
}
