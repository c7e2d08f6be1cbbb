package io.edgetimedb.engine.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.simulation.SensorFeed;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;

/**
 * The engine's own count of the bytes it holds must match the heap: JOL walks the object graph
 * of the database and sums the real object sizes, and the accounting must be within 10%, with
 * data in heads only, sealed chunks only, and both.
 */
class MemoryAccountingTest {

  @Test
  void accountingMatchesTheHeapWithHeadsAndChunks() {
    Database db = loadedDatabase(600, 1500);
    assertMatchesHeap(db);
  }

  @Test
  void accountingMatchesTheHeapWithEverythingSealed() {
    Database db = loadedDatabase(600, 2048);
    db.sealHeads();
    assertMatchesHeap(db);
  }

  @Test
  void accountingMatchesTheHeapWithHeadsOnly() {
    Database db = loadedDatabase(3000, 300);
    assertThat(db.memoryUsage().chunks()).isZero();
    assertMatchesHeap(db);
  }

  @Test
  void breaksDownByMeasurementAndKind() {
    Database db = loadedDatabase(70, 1100);
    MemoryUsage usage = db.memoryUsage();
    assertThat(usage.measurements()).extracting(MeasurementMemory::measurement)
        .containsExactly("door", "energy", "pressure", "status", "temperature", "valve", "vibration");
    assertThat(usage.measurements()).allSatisfy(m -> {
      assertThat(m.series()).isEqualTo(10);
      assertThat(m.points()).isEqualTo(10 * 1100);
      assertThat(m.heads()).isPositive();
      assertThat(m.chunks()).isPositive();
      assertThat(m.index()).isPositive();
      assertThat(m.dataBytes()).isEqualTo(m.heads() + m.chunks());
      assertThat(m.total()).isEqualTo(m.heads() + m.chunks() + m.index());
    });
    assertThat(usage.points()).isEqualTo(70 * 1100);
    assertThat(usage.dictionaries()).isPositive();
    assertThat(usage.budget()).isEqualTo(256L << 20);
    assertThat(usage.total()).isEqualTo(usage.heads() + usage.chunks() + usage.index() + usage.dictionaries());
  }

  private static Database loadedDatabase(int sensors, int ticks) {
    Database db = Database.open(DatabaseConfig.defaults());
    new SensorFeed(sensors, 42, 1_700_000_000_000L, 1000).writeTicks(db, ticks);
    return db;
  }

  private static void assertMatchesHeap(Database db) {
    long accounted = db.memoryUsage().total();
    long measured = GraphLayout.parseInstance(db).totalSize();
    System.out.printf("memory accounting: accounted %,d B, JOL measured %,d B (%+.1f%%)%n", accounted, measured,
        100.0 * (accounted - measured) / measured);
    assertThat((double) accounted).as("accounted %d vs measured %d", accounted, measured)
        .isCloseTo(measured, within(measured * 0.10));
  }
}
