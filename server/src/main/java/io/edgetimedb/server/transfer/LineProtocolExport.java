package io.edgetimedb.server.transfer;

import io.edgetimedb.engine.FieldInfo;
import io.edgetimedb.engine.lineprotocol.Precision;
import io.edgetimedb.engine.read.PointCursor;
import java.io.IOException;
import java.io.Writer;
import java.util.Base64;
import java.util.List;

/**
 * InfluxDB line protocol, one line per row, timestamps in the given precision. BIGINT fields get
 * the {@code i} suffix so they import back as BIGINT. Line protocol has no binary type: VARBINARY
 * is written as a Base64 string (it imports back as VARCHAR).
 */
public final class LineProtocolExport extends PointExport {
  private final Precision precision;

  public LineProtocolExport(Precision precision) {
    this.precision = precision;
  }

  @Override
  protected void begin(Writer out, String measurement, List<String> tagKeys, List<FieldInfo> fields) {}

  @Override
  protected void row(Writer out, String measurement, PointCursor row) throws IOException {
    StringBuilder line = new StringBuilder(128);
    escape(line, measurement, ", ");
    for (int i = 0; i < row.tagKeys().size(); i++) {
      String tag = row.tag(i);
      if (tag != null) {
        escape(line.append(','), row.tagKeys().get(i), ",= ");
        escape(line.append('='), tag, ",= ");
      }
    }
    char separator = ' ';
    for (int i = 0; i < row.fieldNames().size(); i++) {
      Object value = row.getObject(i);
      if (value != null) {
        escape(line.append(separator), row.fieldNames().get(i), ",= ");
        value(line.append('='), value);
        separator = ',';
      }
    }
    line.append(' ').append(precision.fromMillis(row.timestamp())).append('\n');
    out.write(line.toString());
  }

  private static void value(StringBuilder line, Object value) {
    if (value instanceof Long l) {
      line.append(l).append('i');
    } else if (value instanceof String s) {
      line.append('"').append(s.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
    } else if (value instanceof byte[] bytes) {
      line.append('"').append(Base64.getEncoder().encodeToString(bytes)).append('"');
    } else {
      line.append(value);
    }
  }

  private static void escape(StringBuilder line, String text, String special) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (special.indexOf(c) >= 0 || c == '\\') {
        line.append('\\');
      }
      line.append(c);
    }
  }
}
