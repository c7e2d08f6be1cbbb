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
import java.util.zip.CRC32C;

/**
 * Reads a {@link CheckpointFormat} file into an empty catalog after checking its header, its
 * footer and the checksum of its body: a checkpoint is used whole or not at all. The body is
 * streamed through one small buffer, checksummed and decoded as it goes, into entries that are
 * published into the catalog only once the checksum matched; the chunks decoded are the ones
 * the catalog keeps, so loading needs about the heap the loaded database holds, not twice it
 * (the whole file in one array, then its decoded copy). Every length read is checked against
 * the body bytes left before anything is allocated for it, so a damaged length is an error,
 * never an out-of-memory error.
 */
final class CheckpointReader {
  private static final int BUFFER_BYTES = 64 << 10;
  /** The longest varint: a read of up to this many bytes never needs more than one refill. */
  private static final int MAX_VARINT_BYTES = 10;

  private final FileSystem fs;

  CheckpointReader(FileSystem fs) {
    this.fs = fs;
  }

  /**
   * Checks a checkpoint's header, footer and body checksum without loading it; returns the log
   * sequence it covers. Run on every new checkpoint before the log it replaces is deleted.
   */
  long verify(Path file) throws IOException {
    try (ReadableFile in = fs.openRead(file)) {
      Body body = open(file, in);
      body.drain();
      body.requireChecksum();
      return body.sequence;
    }
  }

  /** The log sequence the checkpoint covers, after loading it into {@code catalog}. */
  long read(Path file, Catalog catalog) throws IOException {
    try (ReadableFile in = fs.openRead(file)) {
      Body body = open(file, in);
      Contents contents;
      try {
        contents = Contents.read(body);
      } catch (CorruptChunkException | IllegalArgumentException | IndexOutOfBoundsException
          | NegativeArraySizeException e) {
        body.drain();
        body.requireChecksum();
        throw new IOException("checkpoint " + file + " passed its checksum but does not parse: " + e.getMessage(), e);
      }
      body.requireChecksum();
      if (body.remaining() != 0) {
        throw new IOException("checkpoint " + file + " passed its checksum but has " + body.remaining()
            + " bytes after its contents");
      }
      contents.publish(catalog);
      return body.sequence;
    }
  }

  /** Checks the header and the footer, and positions a {@link Body} at the body's first byte. */
  private static Body open(Path file, ReadableFile in) throws IOException {
    long size = in.size();
    if (size < CheckpointFormat.HEADER_BYTES + CheckpointFormat.FOOTER_BYTES) {
      throw new IOException("checkpoint " + file + " has an impossible size of " + size + " bytes");
    }
    ByteBuffer header = readFully(file, in, 0, CheckpointFormat.HEADER_BYTES);
    if (header.getInt(0) != CheckpointFormat.MAGIC) {
      throw new IOException("checkpoint " + file + " does not start with the checkpoint magic number");
    }
    if (header.getShort(4) != CheckpointFormat.VERSION) {
      throw new IOException("checkpoint " + file + " has format version " + header.getShort(4)
          + "; this build reads version " + CheckpointFormat.VERSION);
    }
    if (header.getInt(24) != CheckpointFormat.crc(header.array(), 0, 24)) {
      throw new IOException("checkpoint " + file + " has a damaged header (checksum mismatch)");
    }
    long footerAt = size - CheckpointFormat.FOOTER_BYTES;
    ByteBuffer footer = readFully(file, in, footerAt, CheckpointFormat.FOOTER_BYTES);
    long bodyBytes = footer.getLong(0);
    if (footer.getInt(12) != CheckpointFormat.MAGIC || bodyBytes != footerAt - CheckpointFormat.HEADER_BYTES) {
      throw new IOException("checkpoint " + file + " is incomplete or has a damaged footer");
    }
    return new Body(file, in, bodyBytes, footer.getInt(8), header.getLong(8));
  }

  private static ByteBuffer readFully(Path file, ReadableFile in, long position, int bytes) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
    while (buffer.hasRemaining()) {
      if (in.read(buffer, position + buffer.position()) < 0) {
        throw new IOException("checkpoint " + file + " ended early at byte " + (position + buffer.position()));
      }
    }
    return buffer;
  }

  /**
   * The body of a checkpoint, read front to back through one buffer with a running CRC32C of
   * every byte read from the file. A read asks for the bytes it needs to be in the buffer
   * ({@link #need}) and decodes them with a {@link ByteSource} over it.
   */
  private static final class Body {
    private final Path file;
    private final ReadableFile in;
    private final int expectedCrc;
    private final long sequence;
    private final CRC32C crc = new CRC32C();
    private final ByteSource source = new ByteSource();
    private byte[] buf = new byte[BUFFER_BYTES];
    private int pos;
    private int limit;
    /** File position of the next byte to read into the buffer. */
    private long filePosition = CheckpointFormat.HEADER_BYTES;
    /** Body bytes not yet read into the buffer. */
    private long unread;

    Body(Path file, ReadableFile in, long bodyBytes, int expectedCrc, long sequence) {
      this.file = file;
      this.in = in;
      this.unread = bodyBytes;
      this.expectedCrc = expectedCrc;
      this.sequence = sequence;
    }

    /** Body bytes not yet decoded. */
    long remaining() {
      return unread + limit - pos;
    }

    int readByte() throws IOException {
      need(1);
      return buf[pos++] & 0xFF;
    }

    long readVarLong() throws IOException {
      need((int) Math.min(MAX_VARINT_BYTES, remaining()));
      long v = source.reset(buf, pos, limit - pos).readVarLong();
      pos = source.position();
      return v;
    }

    long readZigZagVarLong() throws IOException {
      long v = readVarLong();
      return (v >>> 1) ^ -(v & 1);
    }

    long readLongLE() throws IOException {
      need(8);
      long v = source.reset(buf, pos, 8).readLongLE();
      pos += 8;
      return v;
    }

    /** A count or length that must fit in what is left of the body, at {@code bytesEach} bytes per item at least. */
    int readCount(String what, int bytesEach) throws IOException {
      long v = readVarLong();
      if (v < 0 || v > remaining() / bytesEach) {
        throw new CorruptChunkException(what + " " + Long.toUnsignedString(v) + " exceeds the " + remaining()
            + " body bytes left");
      }
      return (int) v;
    }

    String readString() throws IOException {
      need((int) Math.min(MAX_VARINT_BYTES, remaining()));
      int start = pos;
      long length = source.reset(buf, pos, limit - pos).readVarLong();
      int prefix = source.position() - start;
      if (length < 0 || length > remaining() - prefix) {
        throw new CorruptChunkException("string length " + length + " exceeds the " + remaining()
            + " body bytes left");
      }
      need(prefix + (int) length);
      String s = source.reset(buf, pos, prefix + (int) length).readString();
      pos += prefix + (int) length;
      return s;
    }

    byte[] readBytes(int length) throws IOException {
      byte[] bytes = new byte[length];
      int buffered = Math.min(length, limit - pos);
      System.arraycopy(buf, pos, bytes, 0, buffered);
      pos += buffered;
      fillDirectly(bytes, buffered, length - buffered);
      return bytes;
    }

    /** Reads the rest of the body through the checksum without decoding it. */
    void drain() throws IOException {
      while (unread > 0) {
        pos = 0;
        limit = 0;
        refill();
      }
      pos = limit;
    }

    void requireChecksum() throws IOException {
      if ((int) crc.getValue() != expectedCrc) {
        throw new IOException("checkpoint " + file + " is damaged (body checksum mismatch)");
      }
    }

    /** Makes the next {@code n} bytes of the body contiguous in the buffer. */
    private void need(int n) throws IOException {
      if (limit - pos >= n) {
        return;
      }
      if (n > remaining()) {
        throw new CorruptChunkException("body ends " + (n - remaining()) + " bytes early");
      }
      if (n > buf.length) {
        byte[] larger = new byte[Math.max(n, buf.length * 2)];
        System.arraycopy(buf, pos, larger, 0, limit - pos);
        buf = larger;
      } else {
        System.arraycopy(buf, pos, buf, 0, limit - pos);
      }
      limit -= pos;
      pos = 0;
      while (limit - pos < n) {
        refill();
      }
    }

    private void refill() throws IOException {
      int n = (int) Math.min(buf.length - limit, unread);
      ByteBuffer into = ByteBuffer.wrap(buf, limit, n);
      while (into.hasRemaining()) {
        if (in.read(into, filePosition + into.position() - limit) < 0) {
          throw new IOException("checkpoint " + file + " ended early at byte " + (filePosition + into.position() - limit));
        }
      }
      crc.update(buf, limit, n);
      limit += n;
      filePosition += n;
      unread -= n;
    }

    private void fillDirectly(byte[] bytes, int offset, int length) throws IOException {
      ByteBuffer into = ByteBuffer.wrap(bytes, offset, length);
      while (into.hasRemaining()) {
        if (in.read(into, filePosition + into.position() - offset) < 0) {
          throw new IOException("checkpoint " + file + " ended early");
        }
      }
      crc.update(bytes, offset, length);
      filePosition += length;
      unread -= length;
    }
  }

  private record SeriesEntry(int id, String measurement, String[] keys, String[] values, SeriesImage image) {}

  private record MeasurementEntry(String name, List<String> fields, List<FieldType> types, List<String> tagKeys) {}

  /** A checkpoint's contents as decoded, before they go into the catalog. */
  private record Contents(int nextSeriesId, List<SeriesEntry> series, List<MeasurementEntry> measurements,
      List<SchemaChange> history) {
    static Contents read(Body in) throws IOException {
      int nextSeriesId = (int) in.readVarLong();
      int count = in.readCount("series count", 1);
      List<SeriesEntry> series = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        series.add(readSeries(in));
      }
      return new Contents(nextSeriesId, series, readMeasurements(in), readHistory(in));
    }

    void publish(Catalog catalog) {
      for (MeasurementEntry entry : measurements) {
        Measurement m = catalog.restoreMeasurement(entry.name());
        for (int f = 0; f < entry.fields().size(); f++) {
          m.schema().restoreField(entry.fields().get(f), entry.types().get(f));
        }
        entry.tagKeys().forEach(m.schema()::restoreTagKey);
      }
      history.forEach(catalog.history()::record);
      ChunkDecoder decoder = new ChunkDecoder();
      for (int i = 0; i < series.size(); i++) {
        SeriesEntry entry = series.get(i);
        // dropped as it is restored: the encoded head is garbage once decoded into the series
        series.set(i, null);
        Measurement m = catalog.measurement(entry.measurement());
        if (m != null) {
          catalog.restoreSeries(m, entry.id(), entry.keys(), entry.values()).restore(entry.image(), decoder);
        }
      }
      catalog.restoreNextSeriesId(nextSeriesId);
    }
  }

  private static SeriesEntry readSeries(Body in) throws IOException {
    int id = (int) in.readVarLong();
    String measurement = in.readString();
    long applied = in.readVarLong();
    long maxTimestamp = in.readZigZagVarLong();
    // lists, not arrays sized by the count: a damaged count fails at the body's end, not in an allocation
    int tags = in.readCount("tag count", 2);
    List<String> keys = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (int t = 0; t < tags; t++) {
      keys.add(in.readString());
      values.add(in.readString());
    }
    int chunks = in.readCount("chunk count", 5);
    List<SealedChunk> sealed = new ArrayList<>();
    for (int c = 0; c < chunks; c++) {
      sealed.add(readChunk(in));
    }
    SealedChunk head = in.readByte() == 0 ? null : readChunk(in);
    return new SeriesEntry(id, measurement, keys.toArray(String[]::new), values.toArray(String[]::new),
        new SeriesImage(sealed.toArray(SealedChunk[]::new), head, applied, maxTimestamp));
  }

  private static SealedChunk readChunk(Body in) throws IOException {
    int rows = (int) in.readVarLong();
    long min = in.readZigZagVarLong();
    long max = in.readZigZagVarLong();
    byte[] data = in.readBytes(in.readCount("chunk data length", 1));
    long[] directory = new long[in.readCount("chunk directory words", 8)];
    for (int w = 0; w < directory.length; w++) {
      directory[w] = in.readLongLE();
    }
    return new SealedChunk(rows, min, max, data, directory);
  }

  private static List<MeasurementEntry> readMeasurements(Body in) throws IOException {
    int count = in.readCount("measurement count", 1);
    List<MeasurementEntry> measurements = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String name = in.readString();
      int fieldCount = in.readCount("field count", 2);
      List<String> fields = new ArrayList<>();
      List<FieldType> types = new ArrayList<>();
      for (int f = 0; f < fieldCount; f++) {
        fields.add(in.readString());
        types.add(FieldType.ofCode(in.readByte()));
      }
      int tagKeyCount = in.readCount("tag key count", 1);
      List<String> tagKeys = new ArrayList<>();
      for (int t = 0; t < tagKeyCount; t++) {
        tagKeys.add(in.readString());
      }
      measurements.add(new MeasurementEntry(name, fields, types, tagKeys));
    }
    return measurements;
  }

  private static List<SchemaChange> readHistory(Body in) throws IOException {
    int count = in.readCount("schema history length", 7);
    List<SchemaChange> history = new ArrayList<>();
    SchemaChange.Kind[] kinds = SchemaChange.Kind.values();
    for (int i = 0; i < count; i++) {
      long time = in.readZigZagVarLong();
      String measurement = in.readString();
      SchemaChange.Kind kind = kinds[in.readByte()];
      String item = in.readString();
      FieldType from = type(in.readByte());
      FieldType to = type(in.readByte());
      history.add(new SchemaChange(time, measurement, kind, item, from, to, in.readString()));
    }
    return history;
  }

  private static FieldType type(int code) {
    return code == CheckpointFormat.NO_TYPE ? null : FieldType.ofCode(code);
  }
}
