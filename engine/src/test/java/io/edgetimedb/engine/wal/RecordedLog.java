package io.edgetimedb.engine.wal;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.edgetimedb.engine.vfs.FileSystem;
import io.edgetimedb.engine.vfs.ReadableFile;
import io.edgetimedb.engine.vfs.WritableFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test fixture: deterministic payloads, a consumer that keeps what a replay delivered, and raw
 * access to segment bytes for damaging them.
 */
final class RecordedLog implements RecordConsumer {

  final List<Long> sequences = new ArrayList<>();
  final List<byte[]> payloads = new ArrayList<>();

  @Override
  public void accept(long sequence, ByteBuffer payload) {
    byte[] bytes = new byte[payload.remaining()];
    payload.get(bytes);
    sequences.add(sequence);
    payloads.add(bytes);
  }

  /** The payload the tests append as record number {@code sequence}: 5 to 40 bytes. */
  static byte[] payload(long sequence) {
    String text = "rec-" + sequence + "-" + "x".repeat((int) (sequence * 7 % 30));
    return text.getBytes(UTF_8);
  }

  static long appendNumbered(WriteAheadLog log, long sequence) throws IOException {
    return log.append(ByteBuffer.wrap(payload(sequence)));
  }

  static List<Path> segments(FileSystem fs, Path dir) throws IOException {
    List<Path> segments = new ArrayList<>();
    for (WalReader.Segment segment : WalReader.listSegments(fs, dir)) {
      segments.add(segment.path());
    }
    return segments;
  }

  static byte[] readAll(FileSystem fs, Path file) throws IOException {
    try (ReadableFile in = fs.openRead(file)) {
      ByteBuffer buffer = ByteBuffer.allocate((int) in.size());
      while (buffer.hasRemaining()) {
        in.read(buffer, buffer.position());
      }
      return buffer.array();
    }
  }

  /** Replaces (or creates) {@code file} durably with {@code content}. */
  static void overwrite(FileSystem fs, Path file, byte[] content) throws IOException {
    if (fs.exists(file)) {
      fs.delete(file);
    }
    try (WritableFile out = fs.openAppend(file)) {
      out.write(ByteBuffer.wrap(content));
      out.sync();
    }
    fs.syncDirectory(file.getParent());
  }
}
