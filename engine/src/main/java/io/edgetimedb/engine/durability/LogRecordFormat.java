package io.edgetimedb.engine.durability;

import io.edgetimedb.engine.FieldInfo;
import io.edgetimedb.engine.catalog.Catalog;
import io.edgetimedb.engine.catalog.Measurement;
import io.edgetimedb.engine.chunkenc.ByteSink;
import io.edgetimedb.engine.chunkenc.ByteSource;
import io.edgetimedb.engine.chunkenc.CorruptChunkException;
import io.edgetimedb.engine.schema.FieldType;
import io.edgetimedb.engine.series.Series;
import io.edgetimedb.engine.write.PointBatch;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.roaringbitmap.IntIterator;
import org.roaringbitmap.RoaringBitmap;

/**
 * The payloads the database writes into the write-ahead log (the log adds length, checksum
 * and sequence around each). vu = unsigned varint, zz = zigzag varint, str = vu byte length
 * then GeneralizedUtf8 bytes; see ByteSink.
 *
 * <pre>
 * payload = kind (u8) body
 *
 * kind 1, POINTS: the points of one batch that passed the checks
 *   +--------+------------+-------------+--------------------------------------------+
 *   | now zz | source str | points vu   | point, repeated                            |
 *   +--------+------------+-------------+--------------------------------------------+
 *   point = series vu (id + 1 of a series that existed when the batch was checked)
 *           | ts zz | fields vu | field * fields
 *         or 0 | measurement str | ts zz | tags vu | (key str, value str) * tags
 *           | fields vu | field * fields                    (a series the batch creates)
 *   field = id vu (id + 1 in the measurement's schema) | type u8 | value
 *         or 0 | name str | type u8 | value                  (a field the batch creates)
 *   value by type: BOOLEAN u8 0/1 | BIGINT zz | DOUBLE 8 bytes, raw IEEE bits, LE
 *                  | VARCHAR str | VARBINARY vu length, bytes
 *   Series and field ids are those of the catalog the records are replayed into: the
 *   checkpoint keeps them and the replay hands them out again in the same order.
 *
 * kind 2, DELETE: rows in [from, to) of the listed series
 *   +--------+---------+-------+-----------+-----------------------------------+
 *   | now zz | from zz | to zz | series vu | series id gaps vu, ascending      |
 *   +--------+---------+-------+-----------+-----------------------------------+
 *
 * kind 3, DROP: a measurement and its series
 *   +--------+------------+-----------------+
 *   | now zz | source str | measurement str |
 *   +--------+------------+-----------------+
 *
 * kind 4, DECLARE: a measurement created with its columns (CREATE MEASUREMENT)
 *   +--------+------------+-----------------+-------------------+-------------------------------+
 *   | now zz | source str | measurement str | tag keys vu, str* | fields vu, (name str, type u8)* |
 *   +--------+------------+-----------------+-------------------+-------------------------------+
 * </pre>
 * "now" is the wall-clock time of the original write, so that a replay records schema
 * changes with the times they first happened.
 */
final class LogRecordFormat {
  static final int POINTS = 1;
  static final int DELETE = 2;
  static final int DROP = 3;
  static final int DECLARE = 4;

  private LogRecordFormat() {}

  static void encodePoints(PointBatch batch, boolean[] accepted, long now, ByteSink out) {
    out.writeByte(POINTS);
    out.writeZigZagVarLong(now);
    out.writeString(batch.source());
    int count = 0;
    for (int p = 0; p < batch.size(); p++) {
      count += accepted[p] ? 1 : 0;
    }
    out.writeVarLong(count);
    for (int p = 0; p < batch.size(); p++) {
      if (accepted[p]) {
        encodePoint(batch, p, out);
      }
    }
  }

  private static void encodePoint(PointBatch batch, int p, ByteSink out) {
    out.writeVarLong(batch.seriesId(p) + 1L);
    if (batch.seriesId(p) < 0) {
      out.writeString(batch.measurement(p));
    }
    out.writeZigZagVarLong(batch.timestamp(p));
    if (batch.seriesId(p) < 0) {
      out.writeVarLong(batch.tagCount(p));
      for (int t = batch.tagStart(p); t < batch.tagStart(p) + batch.tagCount(p); t++) {
        out.writeString(batch.tagKeys()[t]);
        out.writeString(batch.tagValues()[t]);
      }
    }
    out.writeVarLong(batch.fieldCount(p));
    for (int f = batch.fieldStart(p); f < batch.fieldStart(p) + batch.fieldCount(p); f++) {
      out.writeVarLong(batch.fieldId(f) + 1L);
      if (batch.fieldId(f) < 0) {
        out.writeString(batch.fieldName(f));
      }
      out.writeByte(batch.fieldType(f).code());
      encodeValue(batch, f, out);
    }
  }

  private static void encodeValue(PointBatch batch, int f, ByteSink out) {
    switch (batch.fieldType(f)) {
      case BOOLEAN -> out.writeByte((int) batch.fieldBits(f));
      case BIGINT -> out.writeZigZagVarLong(batch.fieldBits(f));
      case DOUBLE -> out.writeLongLE(batch.fieldBits(f));
      case VARCHAR -> out.writeString((String) batch.fieldRef(f));
      case VARBINARY -> {
        byte[] bytes = (byte[]) batch.fieldRef(f);
        out.writeVarLong(bytes.length);
        out.writeBytes(bytes, 0, bytes.length);
      }
    }
  }

  /** How many points a payload carries: its count for POINTS, 0 for the other kinds. */
  static long pointsIn(ByteSource payload) {
    if (payload.readByte() != POINTS) {
      return 0;
    }
    payload.readZigZagVarLong();
    payload.readString();
    return payload.readVarLong();
  }

  /**
   * Decodes a POINTS body (after the kind byte) into {@code batch}, resolving series and field
   * ids against {@code catalog} as the replay has rebuilt it; returns the original "now". A
   * point of a series that no longer exists (its measurement was dropped after the record) is
   * left out. Names come from {@code names}, so repeated ones are one String each.
   */
  static long decodePoints(ByteSource in, PointBatch batch, ReplayStrings names, Catalog catalog) {
    long now = in.readZigZagVarLong();
    batch.clear();
    batch.source(names.read(in));
    long points = in.readVarLong();
    for (long p = 0; p < points; p++) {
      long seriesRef = in.readVarLong();
      Series known = seriesRef == 0 ? null : knownSeries(catalog, seriesRef - 1);
      boolean vanished = seriesRef != 0 && known == null;
      Measurement m = seriesRef == 0 ? decodeNewSeries(in, batch, names, catalog)
          : decodeKnownSeries(in, batch, catalog, known);
      long fields = in.readVarLong();
      for (long f = 0; f < fields; f++) {
        long fieldRef = in.readVarLong();
        String name = fieldRef == 0 ? names.read(in) : vanished ? "" : fieldName(m, fieldRef - 1, in);
        decodeField(in, batch, name, names);
      }
      if (vanished) {
        batch.dropLastPoint();
      }
    }
    return now;
  }

  private static Series knownSeries(Catalog catalog, long id) {
    return id < catalog.seriesCount() ? catalog.series((int) id) : null;
  }

  /** Starts a point of an existing series; a vanished one (null) gets a placeholder point dropped after its fields. */
  private static Measurement decodeKnownSeries(ByteSource in, PointBatch batch, Catalog catalog, Series series) {
    long ts = in.readZigZagVarLong();
    if (series == null) {
      batch.point("", ts);
      return null;
    }
    batch.point(series.measurement(), ts);
    batch.seriesId(batch.size() - 1, series.id());
    return catalog.measurement(series.measurement());
  }

  private static Measurement decodeNewSeries(ByteSource in, PointBatch batch, ReplayStrings names, Catalog catalog) {
    String measurement = names.read(in);
    batch.point(measurement, in.readZigZagVarLong());
    long tags = in.readVarLong();
    for (long t = 0; t < tags; t++) {
      batch.tag(names.read(in), names.read(in));
    }
    return catalog.measurement(measurement);
  }

  private static String fieldName(Measurement m, long id, ByteSource in) {
    if (m == null || id >= m.schema().fields().size()) {
      throw new CorruptChunkException("log record: field id " + id + " at offset " + in.position()
          + " is not in the point's measurement");
    }
    return m.schema().fieldById((int) id).name();
  }

  private static void decodeField(ByteSource in, PointBatch batch, String name, ReplayStrings names) {
    switch (FieldType.ofCode(in.readByte())) {
      case BOOLEAN -> batch.field(name, in.readByte() != 0);
      case BIGINT -> batch.field(name, in.readZigZagVarLong());
      case DOUBLE -> batch.field(name, Double.longBitsToDouble(in.readLongLE()));
      case VARCHAR -> batch.field(name, names.read(in));
      case VARBINARY -> {
        long length = in.readVarLong();
        if (length < 0 || length > in.remaining()) {
          throw new CorruptChunkException("log record: byte value of " + length + " bytes at offset "
              + in.position() + " runs past the record");
        }
        byte[] bytes = new byte[(int) length];
        in.readBytes(bytes, 0, bytes.length);
        batch.field(name, bytes);
      }
    }
  }

  static void encodeDelete(RoaringBitmap seriesIds, long from, long to, long now, ByteSink out) {
    out.writeByte(DELETE);
    out.writeZigZagVarLong(now);
    out.writeZigZagVarLong(from);
    out.writeZigZagVarLong(to);
    out.writeVarLong(seriesIds.getCardinality());
    int previous = -1;
    IntIterator ids = seriesIds.getIntIterator();
    while (ids.hasNext()) {
      int id = ids.next();
      out.writeVarLong(id - previous - 1);
      previous = id;
    }
  }

  /** A decoded DELETE body. */
  record Delete(long now, long from, long to, RoaringBitmap seriesIds) {}

  static Delete decodeDelete(ByteSource in) {
    long now = in.readZigZagVarLong();
    long from = in.readZigZagVarLong();
    long to = in.readZigZagVarLong();
    long count = in.readVarLong();
    RoaringBitmap ids = new RoaringBitmap();
    long previous = -1;
    for (long i = 0; i < count; i++) {
      previous += in.readVarLong() + 1;
      ids.add((int) previous);
    }
    return new Delete(now, from, to, ids);
  }

  static void encodeDrop(String measurement, String source, long now, ByteSink out) {
    out.writeByte(DROP);
    out.writeZigZagVarLong(now);
    out.writeString(source);
    out.writeString(measurement);
  }

  /** A decoded DROP body. */
  record Drop(long now, String source, String measurement) {}

  static Drop decodeDrop(ByteSource in) {
    return new Drop(in.readZigZagVarLong(), in.readString(), in.readString());
  }

  static void encodeDeclare(String measurement, List<String> tagKeys, List<FieldInfo> fields, String source, long now,
      ByteSink out) {
    out.writeByte(DECLARE);
    out.writeZigZagVarLong(now);
    out.writeString(source);
    out.writeString(measurement);
    out.writeVarLong(tagKeys.size());
    tagKeys.forEach(out::writeString);
    out.writeVarLong(fields.size());
    for (FieldInfo field : fields) {
      out.writeString(field.name());
      out.writeByte(field.type().code());
    }
  }

  /** A decoded DECLARE body. */
  record Declare(long now, String source, String measurement, List<String> tagKeys, List<FieldInfo> fields) {}

  static Declare decodeDeclare(ByteSource in) {
    long now = in.readZigZagVarLong();
    String source = in.readString();
    String measurement = in.readString();
    List<String> tagKeys = new ArrayList<>();
    for (long i = in.readVarLong(); i > 0; i--) {
      tagKeys.add(in.readString());
    }
    List<FieldInfo> fields = new ArrayList<>();
    for (long i = in.readVarLong(); i > 0; i--) {
      fields.add(new FieldInfo(in.readString(), FieldType.ofCode(in.readByte())));
    }
    return new Declare(now, source, measurement, tagKeys, fields);
  }

  /** Thrown for a payload whose kind byte is unknown: the log is from a newer version or damaged. */
  static IOException unknownKind(int kind, long sequence) {
    return new IOException("write-ahead log record " + sequence + " has unknown kind " + kind);
  }
}
