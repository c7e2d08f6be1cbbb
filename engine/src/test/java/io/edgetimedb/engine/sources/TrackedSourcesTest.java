package io.edgetimedb.engine.sources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.EngineSettings;
import io.edgetimedb.engine.write.PointBatch;
import org.junit.jupiter.api.Test;

/** The bound on tracked sources, at its limit: the source seen least recently is the one forgotten. */
class TrackedSourcesTest {
  private static final long RECEIVED = 1_700_000_000_000L;

  @Test
  void atTheLimitANewSourceEvictsTheLeastRecentlySeen() {
    try (Database db = Database.open(DatabaseConfig.defaults())) {
      db.settings().change(EngineSettings.TRACKED_SOURCES, "3", "test");
      write(db, "a");
      write(db, "b");
      write(db, "c");
      write(db, "a");
      assertThat(names(db)).containsExactly("b", "c", "a");

      write(db, "d");

      assertThat(names(db)).containsExactly("c", "a", "d");
      assertThat(db.sources().get(1).pointsAccepted()).isEqualTo(2);
    }
  }

  @Test
  void loweringTheLimitForgetsTheLeastRecentlySeenAtOnce() {
    try (Database db = Database.open(DatabaseConfig.defaults())) {
      write(db, "a");
      write(db, "b");
      db.settings().change(EngineSettings.TRACKED_SOURCES, "1", "test");

      assertThat(names(db)).containsExactly("b");
    }
  }

  @Test
  void atLeastOneSourceIsTracked() {
    assertThatThrownBy(() -> new TrackedSources(0)).hasMessageContaining("at least one source");
  }

  private static void write(Database db, String source) {
    db.write(new PointBatch().source(source).receivedAt(RECEIVED).point("m", RECEIVED).tag("s", source)
        .field("v", 1.0));
  }

  private static java.util.List<String> names(Database db) {
    return db.sources().stream().map(SourceStatus::source).toList();
  }
}
