package io.edgetimedb.engine.durability;

import io.edgetimedb.engine.catalog.Catalog;
import io.edgetimedb.engine.catalog.Measurement;
import io.edgetimedb.engine.chunk.SealedChunk;
import io.edgetimedb.engine.chunkenc.ByteSink;
import io.edgetimedb.engine.schema.FieldSchema;
import io.edgetimedb.engine.schema.FieldType;
import io.edgetimedb.engine.schema.SchemaChange;
import io.edgetimedb.engine.series.Series;
import io.edgetimedb.engine.series.SeriesImage;
import io.edgetimedb.engine.vfs.FileSystem;
import io.edgetimedb.engine.vfs.WritableFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.zip.CRC32C;
import org.roaringbitmap.IntIterator;

/**
 * Writes a {@link CheckpointFormat} file of a live catalog without stopping writers: each
 * series is snapshotted on its own (its head encoded, not sealed) between two batches, and the body
 * is streamed to the file in blocks. The file appears under its final name only once complete
 * and durable: written as a temporary file, fsynced, renamed, and the directory fsynced.
 */
final class CheckpointWriter {
  private static final int FLUSH_BYTES = 1 << 20;

  private final FileSystem fs;
  private final ByteSink sink = new ByteSink(FLUSH_BYTES + (64 << 10));
  private final CRC32C bodyCrc = new CRC32C();
  private WritableFile file;
  private long bodyBytes;

  CheckpointWriter(FileSystem fs) {
    this.fs = fs;
  }

  /**
   * Writes the checkpoint of everything the catalog holds as of log {@code sequence} (every
   * record up to it is applied; later ones may be too, see {@code Series.write}).
   */
  Path write(Path dir, Catalog catalog, long sequence, int nextSeriesId, Function<Series, SeriesImage> snapshot)
      throws IOException {
    Path target = dir.resolve(CheckpointFormat.fileName(sequence));
    Path temporary = dir.resolve(CheckpointFormat.temporaryName(sequence));
    if (fs.exists(temporary)) {
      fs.delete(temporary);
    }
    file = fs.openAppend(temporary);
    bodyCrc.reset();
    bodyBytes = 0;
    sink.reset();
    try {
      try {
        file.write(CheckpointFormat.header(sequence, System.currentTimeMillis()));
        writeBody(catalog, nextSeriesId, snapshot);
        file.write(CheckpointFormat.footer(bodyBytes, (int) bodyCrc.getValue()));
        file.sync();
      } finally {
        file.close();
      }
      fs.rename(temporary, target);
    } catch (IOException e) {
      deleteQuietly(temporary, e);
      throw e;
    }
    fs.syncDirectory(dir);
    return target;
  }

  /**
   * A failed checkpoint's temporary file is removed at once: left until the next start, it would
   * hold on to the space whose lack (often) made the checkpoint fail, and a disk filled by it
   * keeps the log from reserving its next segment. A process that dies mid-checkpoint leaves it
   * to the next start, which deletes it.
   */
  private void deleteQuietly(Path temporary, IOException cause) {
    try {
      if (fs.exists(temporary)) {
        fs.delete(temporary);
      }
    } catch (IOException | RuntimeException cleanup) {
      cause.addSuppressed(cleanup);
    }
  }

  private void writeBody(Catalog catalog, int nextSeriesId, Function<Series, SeriesImage> snapshot)
      throws IOException {
    sink.writeVarLong(nextSeriesId);
    List<Series> series = seriesBelow(catalog, nextSeriesId);
    sink.writeVarLong(series.size());
    for (Series s : series) {
      writeSeries(s, snapshot.apply(s));
    }
    writeSchema(catalog);
    flush();
  }

  /** The series that exist now with ids below the limit; later ones are the log's to replay. */
  private static List<Series> seriesBelow(Catalog catalog, int nextSeriesId) {
    List<Series> series = new ArrayList<>();
    for (Measurement m : catalog.measurements()) {
      IntIterator ids = m.index().allSeries().getIntIterator();
      while (ids.hasNext()) {
        Series s = catalog.series(ids.next());
        if (s != null && s.id() < nextSeriesId) {
          series.add(s);
        }
      }
    }
    return series;
  }

  private void writeSeries(Series series, SeriesImage image) throws IOException {
    sink.writeVarLong(series.id());
    sink.writeString(series.measurement());
    sink.writeVarLong(image.appliedSequence());
    sink.writeZigZagVarLong(image.maxTimestamp());
    sink.writeVarLong(series.tagCount());
    for (int i = 0; i < series.tagCount(); i++) {
      sink.writeString(series.tagKey(i));
      sink.writeString(series.tagValue(i));
    }
    sink.writeVarLong(image.sealed().length);
    for (SealedChunk chunk : image.sealed()) {
      writeChunk(chunk);
    }
    sink.writeByte(image.head() == null ? 0 : 1);
    if (image.head() != null) {
      writeChunk(image.head());
    }
  }

  private void writeChunk(SealedChunk chunk) throws IOException {
    sink.writeVarLong(chunk.rows());
    sink.writeZigZagVarLong(chunk.minTimestamp());
    sink.writeZigZagVarLong(chunk.maxTimestamp());
    byte[] data = chunk.data();
    sink.writeVarLong(data.length);
    sink.writeBytes(data, 0, data.length);
    long[] directory = chunk.directory();
    sink.writeVarLong(directory.length);
    for (long word : directory) {
      sink.writeLongLE(word);
    }
    if (sink.size() >= FLUSH_BYTES) {
      flush();
    }
  }

  private void writeSchema(Catalog catalog) {
    List<Measurement> measurements = catalog.measurements();
    sink.writeVarLong(measurements.size());
    for (Measurement m : measurements) {
      sink.writeString(m.name());
      List<FieldSchema> fields = m.schema().fields();
      sink.writeVarLong(fields.size());
      for (FieldSchema field : fields) {
        sink.writeString(field.name());
        sink.writeByte(field.type().code());
      }
      sink.writeVarLong(m.schema().tagKeys().size());
      for (String key : m.schema().tagKeys()) {
        sink.writeString(key);
      }
    }
    List<SchemaChange> changes = catalog.history().changes();
    sink.writeVarLong(changes.size());
    for (SchemaChange change : changes) {
      sink.writeZigZagVarLong(change.timeMillis());
      sink.writeString(change.measurement());
      sink.writeByte(change.kind().ordinal());
      sink.writeString(change.item());
      sink.writeByte(typeCode(change.fromType()));
      sink.writeByte(typeCode(change.toType()));
      sink.writeString(change.source());
    }
  }

  private static int typeCode(FieldType type) {
    return type == null ? CheckpointFormat.NO_TYPE : type.code();
  }

  private void flush() throws IOException {
    bodyCrc.update(sink.array(), 0, sink.size());
    bodyBytes += sink.size();
    file.write(ByteBuffer.wrap(sink.array(), 0, sink.size()));
    sink.reset();
  }
}
