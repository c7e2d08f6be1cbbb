package io.edgetimedb.engine.vfs;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealFileSystemTest {

  private final FileSystem fs = new RealFileSystem();

  @TempDir Path dir;

  @Test
  void appendsAtTheEndAndReadsBack() throws IOException {
    Path file = dir.resolve("a.bin");
    write(file, "hello ");
    write(file, "world");
    assertThat(fs.size(file)).isEqualTo(11);
    assertThat(read(file)).isEqualTo("hello world");
  }

  @Test
  void writableFileReportsItsSizeAndSyncs() throws IOException {
    try (WritableFile file = fs.openAppend(dir.resolve("b.bin"))) {
      file.write(ByteBuffer.wrap("abc".getBytes(UTF_8)));
      file.sync();
      assertThat(file.size()).isEqualTo(3);
    }
  }

  @Test
  void writesAfterATruncationContinueAtTheNewEnd() throws IOException {
    Path file = dir.resolve("c.bin");
    try (WritableFile out = fs.openAppend(file)) {
      out.write(ByteBuffer.wrap("0123456789".getBytes(UTF_8)));
      fs.truncate(file, 4);
      out.write(ByteBuffer.wrap("xy".getBytes(UTF_8)));
    }
    assertThat(read(file)).isEqualTo("0123xy");
  }

  @Test
  void truncateCanZeroExtend() throws IOException {
    Path file = dir.resolve("d.bin");
    write(file, "ab");
    fs.truncate(file, 5);
    assertThat(Files.readAllBytes(file)).containsExactly('a', 'b', 0, 0, 0);
  }

  @Test
  void listsEntriesSortedByName() throws IOException {
    write(dir.resolve("b"), "x");
    write(dir.resolve("a"), "x");
    fs.createDirectories(dir.resolve("c/d"));
    assertThat(fs.list(dir)).containsExactly(dir.resolve("a"), dir.resolve("b"), dir.resolve("c"));
  }

  @Test
  void renameReplacesAtomicallyAndDeleteRemoves() throws IOException {
    write(dir.resolve("new"), "new");
    write(dir.resolve("old"), "old");
    fs.rename(dir.resolve("new"), dir.resolve("old"));
    fs.syncDirectory(dir);
    assertThat(fs.exists(dir.resolve("new"))).isFalse();
    assertThat(read(dir.resolve("old"))).isEqualTo("new");
    fs.delete(dir.resolve("old"));
    assertThat(fs.exists(dir.resolve("old"))).isFalse();
    assertThatThrownBy(() -> fs.delete(dir.resolve("old"))).isInstanceOf(NoSuchFileException.class);
  }

  @Test
  void positionalWritesOverwriteInPlaceAndAppendsFollowATruncation() throws IOException {
    Path file = dir.resolve("e.bin");
    try (WritableFile out = fs.openAppend(file)) {
      out.write(ByteBuffer.wrap(new byte[8]));
      out.write(ByteBuffer.wrap(new byte[] {1, 2}), 3);
      fs.truncate(file, 6);
      out.write(ByteBuffer.wrap(new byte[] {9}));
      assertThat(out.size()).isEqualTo(7);
    }
    assertThat(Files.readAllBytes(file)).containsExactly(0, 0, 0, 1, 2, 0, 9);
    assertThat(fs.usableSpace(dir)).isPositive();
  }

  @Test
  void readPastTheEndReturnsMinusOne() throws IOException {
    Path file = dir.resolve("f.bin");
    write(file, "abc");
    try (ReadableFile in = fs.openRead(file)) {
      assertThat(in.size()).isEqualTo(3);
      assertThat(in.read(ByteBuffer.allocate(4), 3)).isEqualTo(-1);
    }
  }

  private void write(Path file, String text) throws IOException {
    try (WritableFile out = fs.openAppend(file)) {
      out.write(ByteBuffer.wrap(text.getBytes(UTF_8)));
    }
  }

  private String read(Path file) throws IOException {
    try (ReadableFile in = fs.openRead(file)) {
      ByteBuffer buffer = ByteBuffer.allocate((int) in.size());
      while (buffer.hasRemaining()) {
        in.read(buffer, buffer.position());
      }
      return new String(buffer.array(), UTF_8);
    }
  }
}
