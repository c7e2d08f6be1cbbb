package io.edgetimedb.server.cli;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/**
 * Rows printed as RFC 4180 CSV with a header line, streamed row by row. A field is quoted when it
 * holds a comma, quote or line break; a NULL is an empty field.
 */
final class CsvRows {
  private CsvRows() {}

  static void print(ResultSet rs, PrintWriter out) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    int n = md.getColumnCount();
    String[] cells = new String[n];
    for (int i = 0; i < n; i++) {
      cells[i] = md.getColumnLabel(i + 1);
    }
    out.println(line(cells));
    while (rs.next()) {
      for (int i = 0; i < n; i++) {
        Object value = rs.getObject(i + 1);
        cells[i] = value == null ? "" : Values.text(value);
      }
      out.println(line(cells));
    }
  }

  private static String line(String[] cells) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append(field(cells[i]));
    }
    return b.toString();
  }

  private static String field(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return '"' + s.replace("\"", "\"\"") + '"';
  }
}
