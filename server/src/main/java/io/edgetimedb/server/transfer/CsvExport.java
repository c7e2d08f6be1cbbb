package io.edgetimedb.server.transfer;

import io.edgetimedb.engine.FieldInfo;
import io.edgetimedb.engine.read.PointCursor;
import java.io.IOException;
import java.io.Writer;
import java.util.Base64;
import java.util.List;

/**
 * CSV with a typed header ({@code ts,site:tag,value:double}) so that {@link CsvImport} reads it
 * back with the same tags and types; ts in epoch milliseconds, absent values as empty cells,
 * VARBINARY as Base64.
 */
public final class CsvExport extends PointExport {
  @Override
  protected void begin(Writer out, String measurement, List<String> tagKeys, List<FieldInfo> fields)
      throws IOException {
    out.write("ts");
    for (String key : tagKeys) {
      out.write(',');
      out.write(cell(new CsvColumn(key, true, null).header()));
    }
    for (FieldInfo field : fields) {
      out.write(',');
      out.write(cell(new CsvColumn(field.name(), false, field.type()).header()));
    }
    out.write('\n');
  }

  @Override
  protected void row(Writer out, String measurement, PointCursor row) throws IOException {
    out.write(Long.toString(row.timestamp()));
    for (int i = 0; i < row.tagKeys().size(); i++) {
      out.write(',');
      String tag = row.tag(i);
      out.write(tag == null ? "" : cell(tag));
    }
    for (int i = 0; i < row.fieldNames().size(); i++) {
      out.write(',');
      Object value = row.getObject(i);
      if (value instanceof byte[] bytes) {
        out.write(Base64.getEncoder().encodeToString(bytes));
      } else if (value != null) {
        out.write(cell(value.toString()));
      }
    }
    out.write('\n');
  }

  /** A cell, quoted when it holds a comma, quote or line break (RFC 4180). */
  static String cell(String text) {
    if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
      return text;
    }
    return '"' + text.replace("\"", "\"\"") + '"';
  }
}
