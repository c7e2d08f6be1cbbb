package io.edgetimedb.engine.durability;

import io.edgetimedb.engine.catalog.Catalog;
import io.edgetimedb.engine.catalog.Measurement;
import io.edgetimedb.engine.chunk.ChunkDecoder;
import io.edgetimedb.engine.chunk.SealedChunk;
import io.edgetimedb.engine.chunkenc.ByteSource;
import io.edgetimedb.engine.chunkenc.CorruptChunkException;
import io.edgetimedb.engine.schema.FieldType;
import io.edgetimedb.engine.schema.SchemaChange;
import io.edgetimedb.engine.series.SeriesImage;
import io.edgetimedb.engine.vfs.FileSystem;
import io.edgetimedb.engine.vfs.ReadableFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@link CheckpointFormat} file into an empty catalog after checking its header, its
 * footer and the checksum of its body: a checkpoint is used whole or not at all. The file is
 * read into memory in one piece.
 */
final class CheckpointReader {
  private final FileSystem fs;

  CheckpointReader(FileSystem fs) {
    this.fs = fs;
  }

  /**
   * Checks a checkpoint's header, footer and body checksum without loading it; returns the log
   * sequence it covers. Run on every new checkpoint before the log it replaces is deleted.
   */
  long verify(Path file) throws IOException {
    byte[] bytes = readAll(file);
    return verify(file, bytes, ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN));
  }

  /** The log sequence the checkpoint covers, after loading it into {@code catalog}. */
  long read(Path file, Catalog catalog) throws IOException {
    byte[] bytes = readAll(file);
    ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    long sequence = verify(file, bytes, header);
    ByteSource body = new ByteSource(bytes, CheckpointFormat.HEADER_BYTES,
        bytes.length - CheckpointFormat.HEADER_BYTES - CheckpointFormat.FOOTER_BYTES);
    try {
      load(body, catalog);
    } catch (CorruptChunkException | IllegalArgumentException | IndexOutOfBoundsException | NegativeArraySizeException e) {
      throw new IOException("checkpoint " + file + " passed its checksum but does not parse: " + e.getMessage(), e);
    }
    return sequence;
  }

  private byte[] readAll(Path file) throws IOException {
    try (ReadableFile in = fs.openRead(file)) {
      long size = in.size();
      if (size < CheckpointFormat.HEADER_BYTES + CheckpointFormat.FOOTER_BYTES || size > Integer.MAX_VALUE - 8) {
        throw new IOException("checkpoint " + file + " has an impossible size of " + size + " bytes");
      }
      ByteBuffer buffer = ByteBuffer.allocate((int) size);
      while (buffer.hasRemaining()) {
        if (in.read(buffer, buffer.position()) < 0) {
          throw new IOException("checkpoint " + file + " ended early at byte " + buffer.position());
        }
      }
      return buffer.array();
    }
  }

  private static long verify(Path file, byte[] bytes, ByteBuffer header) throws IOException {
    if (header.getInt(0) != CheckpointFormat.MAGIC) {
      throw new IOException("checkpoint " + file + " does not start with the checkpoint magic number");
    }
    if (header.getShort(4) != CheckpointFormat.VERSION) {
      throw new IOException("checkpoint " + file + " has format version " + header.getShort(4)
          + "; this build reads version " + CheckpointFormat.VERSION);
    }
    if (header.getInt(24) != CheckpointFormat.crc(bytes, 0, 24)) {
      throw new IOException("checkpoint " + file + " has a damaged header (checksum mismatch)");
    }
    int footer = bytes.length - CheckpointFormat.FOOTER_BYTES;
    long bodyBytes = header.getLong(footer);
    if (header.getInt(footer + 12) != CheckpointFormat.MAGIC
        || bodyBytes != footer - CheckpointFormat.HEADER_BYTES) {
      throw new IOException("checkpoint " + file + " is incomplete or has a damaged footer");
    }
    if (header.getInt(footer + 8) != CheckpointFormat.crc(bytes, CheckpointFormat.HEADER_BYTES, (int) bodyBytes)) {
      throw new IOException("checkpoint " + file + " is damaged (body checksum mismatch)");
    }
    return header.getLong(8);
  }

  private record SeriesEntry(int id, String measurement, String[] keys, String[] values, SeriesImage image) {}

  private static void load(ByteSource in, Catalog catalog) {
    int nextSeriesId = (int) in.readVarLong();
    List<SeriesEntry> series = new ArrayList<>();
    long count = in.readVarLong();
    for (long i = 0; i < count; i++) {
      series.add(readSeries(in));
    }
    readMeasurements(in, catalog);
    readHistory(in, catalog);
    ChunkDecoder decoder = new ChunkDecoder();
    for (SeriesEntry entry : series) {
      Measurement m = catalog.measurement(entry.measurement());
      if (m != null) {
        catalog.restoreSeries(m, entry.id(), entry.keys(), entry.values()).restore(entry.image(), decoder);
      }
    }
    catalog.restoreNextSeriesId(nextSeriesId);
  }

  private static SeriesEntry readSeries(ByteSource in) {
    int id = (int) in.readVarLong();
    String measurement = in.readString();
    long applied = in.readVarLong();
    long maxTimestamp = in.readZigZagVarLong();
    int tags = (int) in.readVarLong();
    String[] keys = new String[tags];
    String[] values = new String[tags];
    for (int t = 0; t < tags; t++) {
      keys[t] = in.readString();
      values[t] = in.readString();
    }
    SealedChunk[] sealed = new SealedChunk[(int) in.readVarLong()];
    for (int c = 0; c < sealed.length; c++) {
      sealed[c] = readChunk(in);
    }
    SealedChunk head = in.readByte() == 0 ? null : readChunk(in);
    return new SeriesEntry(id, measurement, keys, values, new SeriesImage(sealed, head, applied, maxTimestamp));
  }

  private static SealedChunk readChunk(ByteSource in) {
    int rows = (int) in.readVarLong();
    long min = in.readZigZagVarLong();
    long max = in.readZigZagVarLong();
    byte[] data = new byte[(int) in.readVarLong()];
    in.readBytes(data, 0, data.length);
    long[] directory = new long[(int) in.readVarLong()];
    for (int w = 0; w < directory.length; w++) {
      directory[w] = in.readLongLE();
    }
    return new SealedChunk(rows, min, max, data, directory);
  }

  private static void readMeasurements(ByteSource in, Catalog catalog) {
    long count = in.readVarLong();
    for (long i = 0; i < count; i++) {
      Measurement m = catalog.restoreMeasurement(in.readString());
      long fields = in.readVarLong();
      for (long f = 0; f < fields; f++) {
        m.schema().restoreField(in.readString(), FieldType.ofCode(in.readByte()));
      }
      long tagKeys = in.readVarLong();
      for (long t = 0; t < tagKeys; t++) {
        m.schema().restoreTagKey(in.readString());
      }
    }
  }

  private static void readHistory(ByteSource in, Catalog catalog) {
    long count = in.readVarLong();
    SchemaChange.Kind[] kinds = SchemaChange.Kind.values();
    for (long i = 0; i < count; i++) {
      long time = in.readZigZagVarLong();
      String measurement = in.readString();
      SchemaChange.Kind kind = kinds[in.readByte()];
      String item = in.readString();
      FieldType from = type(in.readByte());
      FieldType to = type(in.readByte());
      catalog.history().record(new SchemaChange(time, measurement, kind, item, from, to, in.readString()));
    }
  }

  private static FieldType type(int code) {
    return code == CheckpointFormat.NO_TYPE ? null : FieldType.ofCode(code);
  }
}
