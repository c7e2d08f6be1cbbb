package io.edgetimedb.engine.vfs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimulatedFileSystemTest {

  private static final Path DIR = Path.of("/data/wal");
  private static final Path FILE = DIR.resolve("a.log");

  private final SimulatedFileSystem fs = new SimulatedFileSystem();

  @BeforeEach
  void createDirectory() throws IOException {
    fs.createDirectories(DIR);
  }

  @Test
  void unsyncedWritesAreLostUnderDropAll() throws IOException {
    try (WritableFile file = fs.openAppend(FILE)) {
      fs.syncDirectory(DIR);
      file.write(bytes("durable "));
      file.sync();
      file.write(bytes("lost"));
    }
    fs.powerCut(new Random(1), CutPolicy.DROP_ALL);
    assertThat(read(FILE)).isEqualTo("durable ");
  }

  @Test
  void unsyncedWritesAreKeptUnderWriteAll() throws IOException {
    try (WritableFile file = fs.openAppend(FILE)) {
      file.write(bytes("all of it"));
    }
    fs.powerCut(new Random(1), CutPolicy.WRITE_ALL);
    assertThat(read(FILE)).isEqualTo("all of it");
  }

  @Test
  void aCreateIsLostUntilTheDirectoryIsSynced() throws IOException {
    try (WritableFile file = fs.openAppend(FILE)) {
      file.write(bytes("data"));
      file.sync();
    }
    fs.powerCut(new Random(1), CutPolicy.DROP_ALL);
    assertThat(fs.exists(FILE)).isFalse();
    assertThat(fs.list(DIR)).isEmpty();
  }

  @Test
  void pendingRenamesAndDeletesAreUndoneOrKeptByThePolicy() throws IOException {
    createDurable(DIR.resolve("x"), "x");
    createDurable(DIR.resolve("y"), "y");
    fs.rename(DIR.resolve("x"), DIR.resolve("z"));
    fs.delete(DIR.resolve("y"));
    SimulatedFileSystem dropped = fs.copyOfDurableState();
    assertThat(dropped.list(DIR)).containsExactly(DIR.resolve("x"), DIR.resolve("y"));
    fs.powerCut(new Random(1), CutPolicy.WRITE_ALL);
    assertThat(fs.list(DIR)).containsExactly(DIR.resolve("z"));
    assertThat(read(DIR.resolve("z"))).isEqualTo("x");
  }

  @Test
  void aRenameIsDurableAfterTheDirectorySync() throws IOException {
    createDurable(DIR.resolve("tmp"), "new");
    createDurable(DIR.resolve("final"), "old");
    fs.rename(DIR.resolve("tmp"), DIR.resolve("final"));
    fs.syncDirectory(DIR);
    fs.powerCut(new Random(1), CutPolicy.DROP_ALL);
    assertThat(fs.list(DIR)).containsExactly(DIR.resolve("final"));
    assertThat(read(DIR.resolve("final"))).isEqualTo("new");
  }

  @Test
  void handlesAreDeadAfterACut() throws IOException {
    WritableFile file = fs.openAppend(FILE);
    ReadableFile reader = fs.openRead(FILE);
    fs.powerCut(new Random(1), CutPolicy.WRITE_ALL);
    assertThatThrownBy(() -> file.write(bytes("x"))).hasMessageContaining("power lost");
    assertThatThrownBy(file::sync).hasMessageContaining("power lost");
    assertThatThrownBy(() -> reader.read(ByteBuffer.allocate(1), 0))
        .hasMessageContaining("power lost");
    file.close();
  }

  @Test
  void unsyncedTruncationIsUndoneByACut() throws IOException {
    createDurable(FILE, "0123456789");
    fs.truncate(FILE, 3);
    assertThat(read(FILE)).isEqualTo("012");
    fs.powerCut(new Random(1), CutPolicy.DROP_ALL);
    assertThat(read(FILE)).isEqualTo("0123456789");
  }

  @Test
  void randomCutsTearDropOrGarbleWrites() throws IOException {
    String written = "a".repeat(64);
    Set<String> outcomes = new HashSet<>();
    for (int seed = 0; seed < 200; seed++) {
      SimulatedFileSystem disk = new SimulatedFileSystem();
      disk.createDirectories(DIR);
      try (WritableFile file = disk.openAppend(FILE)) {
        disk.syncDirectory(DIR);
        file.write(bytes(written));
      }
      // java.util.Random's first draws barely differ for neighbouring seeds: spread them
      disk.powerCut(new Random(seed * 0x9E3779B97F4A7C15L), CutPolicy.RANDOM);
      outcomes.add(classify(readFrom(disk, FILE), written));
    }
    assertThat(outcomes).containsExactlyInAnyOrder("applied", "dropped", "torn", "garbled");
  }

  @Test
  void aFullDiskFailsTheWriteAfterStoringWhatFits() throws IOException {
    fs.setCapacity(5);
    try (WritableFile file = fs.openAppend(FILE)) {
      assertThatThrownBy(() -> file.write(bytes("0123456789")))
          .hasMessageContaining("No space left on device");
      assertThat(file.size()).isEqualTo(5);
      fs.truncate(FILE, 0);
    }
    assertThat(fs.usableSpace(DIR)).isEqualTo(5);
  }

  @Test
  void overwritingInPlaceNeedsNoSpaceAndGrowingNeedsIt() throws IOException {
    try (WritableFile file = fs.openAppend(FILE)) {
      file.write(bytes("00000000"));
      fs.failWritesAfter(0);
      file.write(bytes("abcd"), 2);
      assertThatThrownBy(() -> file.write(bytes("xyz"), 6)).hasMessageContaining("No space left on device");
      assertThat(file.size()).isEqualTo(8);
    }
    assertThat(read(FILE)).isEqualTo("00abcdxy");
  }

  @Test
  void aPositionalWriteIsPendingLikeAnyOtherAndACutKeepsTheOldBytesOrTheNew() throws IOException {
    createDurable(FILE, "00000000");
    try (WritableFile file = fs.openAppend(FILE)) {
      file.write(bytes("ab"), 2);
    }
    fs.powerCut(new Random(1), CutPolicy.DROP_ALL);
    assertThat(read(FILE)).isEqualTo("00000000");
    try (WritableFile file = fs.openAppend(FILE)) {
      file.write(bytes("ab"), 2);
    }
    fs.powerCut(new Random(1), CutPolicy.WRITE_ALL);
    assertThat(read(FILE)).isEqualTo("00ab0000");
    try (WritableFile file = fs.openAppend(FILE)) {
      assertThatThrownBy(() -> file.write(bytes("x"), -1)).isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void failWritesAfterCountsFromTheCurrentUsage() throws IOException {
    createDurable(FILE, "12345");
    fs.failWritesAfter(2);
    try (WritableFile file = fs.openAppend(FILE)) {
      file.write(bytes("ab"));
      assertThatThrownBy(() -> file.write(bytes("c"))).hasMessageContaining("No space");
    }
  }

  @Test
  void aFailedSyncForgetsThePendingWritesLikeLinuxDoes() throws IOException {
    try (WritableFile file = fs.openAppend(FILE)) {
      fs.syncDirectory(DIR);
      file.write(bytes("never durable"));
      fs.failNextSync(new IOException("EIO"));
      assertThatThrownBy(file::sync).hasMessage("EIO");
      file.sync();
      assertThat(read(FILE)).isEqualTo("never durable");
    }
    fs.powerCut(new Random(1), CutPolicy.WRITE_ALL);
    assertThat(read(FILE)).isEmpty();
  }

  @Test
  void cutsPowerAtTheChosenOperation() throws IOException {
    WritableFile file = fs.openAppend(FILE);
    long next = fs.operationCount() + 1;
    fs.cutPowerAtOperation(next + 1, new Random(1), CutPolicy.WRITE_ALL);
    file.write(bytes("kept"));
    assertThatThrownBy(file::sync).isInstanceOf(PowerCutException.class);
    assertThat(fs.operationCount()).isEqualTo(next + 1);
    assertThat(read(FILE)).isEqualTo("kept");
    assertThatThrownBy(() -> file.write(bytes("x"))).hasMessageContaining("power lost");
  }

  @Test
  void missingFilesAndDirectoriesAreReported() {
    assertThatThrownBy(() -> fs.openRead(DIR.resolve("none")))
        .isInstanceOf(NoSuchFileException.class);
    assertThatThrownBy(() -> fs.openAppend(Path.of("/nowhere/x")))
        .isInstanceOf(NoSuchFileException.class);
    assertThatThrownBy(() -> fs.list(Path.of("/nowhere"))).isInstanceOf(NoSuchFileException.class);
    assertThatThrownBy(() -> fs.size(DIR.resolve("none"))).isInstanceOf(NoSuchFileException.class);
  }

  private static String classify(String durable, String written) {
    if (durable.equals(written)) {
      return "applied";
    }
    if (durable.isEmpty()) {
      return "dropped";
    }
    return written.startsWith(durable) ? "torn" : "garbled";
  }

  private void createDurable(Path file, String text) throws IOException {
    try (WritableFile out = fs.openAppend(file)) {
      out.write(bytes(text));
      out.sync();
    }
    fs.syncDirectory(file.getParent());
  }

  private String read(Path file) throws IOException {
    return readFrom(fs, file);
  }

  private static String readFrom(FileSystem disk, Path file) throws IOException {
    try (ReadableFile in = disk.openRead(file)) {
      ByteBuffer buffer = ByteBuffer.allocate((int) in.size());
      while (buffer.hasRemaining()) {
        in.read(buffer, buffer.position());
      }
      return new String(buffer.array(), UTF_8);
    }
  }

  private static ByteBuffer bytes(String text) {
    return ByteBuffer.wrap(text.getBytes(UTF_8));
  }
}
