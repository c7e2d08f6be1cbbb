package io.edgetimedb.server.transfer;

import io.edgetimedb.engine.schema.FieldType;
import java.util.Locale;

/**
 * One column of a CSV header. A header cell is a name, optionally with {@code :tag} or a field
 * type ({@code :double}, {@code :bigint}, {@code :boolean}, {@code :varchar}, {@code :varbinary});
 * the export writes them so that a file imports back with the same tags and types.
 *
 * @param tag whether the column is a tag
 * @param type the declared field type, or null to infer each value's type from its text
 */
record CsvColumn(String name, boolean tag, FieldType type) {
  static final String TAG = "tag";

  static CsvColumn parse(String header, boolean namedAsTag) {
    int colon = header.lastIndexOf(':');
    if (colon < 0) {
      return new CsvColumn(header.strip(), namedAsTag, null);
    }
    String name = header.substring(0, colon).strip();
    String kind = header.substring(colon + 1).strip().toLowerCase(Locale.ROOT);
    if (kind.equals(TAG)) {
      return new CsvColumn(name, true, null);
    }
    try {
      return new CsvColumn(name, false, FieldType.valueOf(kind.toUpperCase(Locale.ROOT)));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("column '" + header + "': unknown kind '" + kind
          + "' (expected tag, double, bigint, boolean, varchar or varbinary)");
    }
  }

  /** The header cell the export writes. */
  String header() {
    return name + ":" + (tag ? TAG : type.name().toLowerCase(Locale.ROOT));
  }
}
