package io.edgetimedb.engine.lineprotocol;

import io.edgetimedb.engine.write.PointBatch;
import java.util.List;

/**
 * A point as a test generates it, with a reference writer that renders it as line protocol
 * by the documented escaping rules, independently of the parser. Each numeric field keeps the
 * text it is written as, so one property covers every spelling of a number.
 */
record ReferencePoint(String measurement, List<Tag> tags, List<Field> fields, Long timestamp) {

  record Tag(String key, String value) {}

  /** A field: its name, the value the engine must get, and how the value is written. */
  record Field(String name, Object value, String text) {}

  /** The line: measurement, tags, fields and the timestamp (in the precision the caller chose). */
  String line() {
    StringBuilder out = new StringBuilder(escape(measurement, ", "));
    for (Tag tag : tags) {
      out.append(',').append(escape(tag.key(), ",= ")).append('=').append(escape(tag.value(), ",= "));
    }
    out.append(' ');
    for (int i = 0; i < fields.size(); i++) {
      Field field = fields.get(i);
      out.append(i > 0 ? "," : "").append(escape(field.name(), ",= ")).append('=').append(field.text());
    }
    if (timestamp != null) {
      out.append(' ').append(timestamp);
    }
    return out.toString();
  }

  /** The point the parser must produce, given the precision the timestamp is in. */
  void appendTo(PointBatch batch, Precision precision, long defaultMillis) {
    batch.point(measurement, timestamp == null ? defaultMillis : precision.toMillis(timestamp));
    for (Tag tag : tags) {
      batch.tag(tag.key(), tag.value());
    }
    for (Field field : fields) {
      Object value = field.value();
      if (value instanceof Double d) {
        batch.field(field.name(), d.doubleValue());
      } else if (value instanceof Long l) {
        batch.field(field.name(), l.longValue());
      } else if (value instanceof Boolean b) {
        batch.field(field.name(), b.booleanValue());
      } else {
        batch.field(field.name(), (String) value);
      }
    }
  }

  /** Backslash-escapes the backslash and each of {@code specials}. */
  static String escape(String name, String specials) {
    StringBuilder out = new StringBuilder(name.length() + 8);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '\\' || specials.indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  /** A string field value as written: quoted, with quote and backslash escaped. */
  static String quoted(String value) {
    return '"' + escape(value, "\"") + '"';
  }
}
