package io.edgetimedb.engine.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.catalog.Catalog;
import io.edgetimedb.engine.vfs.RealFileSystem;
import io.edgetimedb.engine.write.PointBatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A checkpoint is used whole or not at all: any flipped byte makes the streaming reader refuse
 * it with an IOException naming the damage, leaves the catalog empty, and allocates nothing
 * for a damaged length beyond the bytes the file has.
 */
class CheckpointReaderTest {
  private static final long T = 1_700_000_000_000L;

  @TempDir
  Path dir;

  @Test
  void aByteFlippedAnywhereIsRefusedAndNothingIsPublished() throws IOException {
    Path file = checkpoint();
    byte[] intact = Files.readAllBytes(file);
    CheckpointReader reader = new CheckpointReader(new RealFileSystem());
    Catalog loaded = new Catalog();
    reader.read(file, loaded);
    assertThat(loaded.liveSeriesCount()).isEqualTo(40);

    Random random = new Random(99);
    for (int i = 0; i < 300; i++) {
      byte[] damaged = intact.clone();
      int offset = random.nextInt(damaged.length);
      if (offset >= 28 && offset < CheckpointFormat.HEADER_BYTES) {
        continue; // the header's padding: no reader looks at it, so a flip there loses nothing
      }
      damaged[offset] ^= (byte) (1 + random.nextInt(255));
      Files.write(file, damaged);
      Catalog catalog = new Catalog();

      assertThatThrownBy(() -> reader.read(file, catalog)).as("byte %d flipped", offset)
          .isInstanceOf(IOException.class).hasMessageContaining(file.toString());
      assertThatThrownBy(() -> reader.verify(file)).isInstanceOf(IOException.class);
      assertThat(catalog.measurements()).as("byte %d flipped", offset).isEmpty();
      assertThat(catalog.liveSeriesCount()).isZero();
    }
  }

  @Test
  void aTruncatedCheckpointIsRefused() throws IOException {
    Path file = checkpoint();
    byte[] intact = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(intact, intact.length / 2));

    assertThatThrownBy(() -> new CheckpointReader(new RealFileSystem()).read(file, new Catalog()))
        .isInstanceOf(IOException.class).hasMessageContaining("incomplete or has a damaged footer");
  }

  /** A closed database's checkpoint: 40 series of 300 points, strings and doubles. */
  private Path checkpoint() throws IOException {
    Path data = dir.resolve("data");
    try (Database db = Database.open(DatabaseConfig.defaults().withDataDirectory(data).withChunkRows(64))) {
      PointBatch batch = new PointBatch().receivedAt(T + 1_000_000);
      for (int i = 0; i < 12_000; i++) {
        batch.point("plant", T + i).tag("sensor", "s" + i % 40).field("value", i * 0.5).field("state", "ok" + i % 3);
      }
      db.write(batch);
    }
    try (Stream<Path> files = Files.list(data)) {
      return files.filter(f -> CheckpointFormat.sequenceOf(f) >= 0).findFirst().orElseThrow();
    }
  }
}
