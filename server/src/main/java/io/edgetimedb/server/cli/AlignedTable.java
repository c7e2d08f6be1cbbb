package io.edgetimedb.server.cli;

import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows printed as a table whose columns are as wide as their widest value, the way SQL shells
 * print them, ending with the row count. Widths need every row first, so the rows are held; a
 * result too large to hold belongs in CSV ({@link CsvRows}), which streams.
 */
final class AlignedTable {
  private AlignedTable() {}

  static void print(ResultSet rs, PrintWriter out) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    int n = md.getColumnCount();
    List<String[]> rows = new ArrayList<>();
    String[] header = new String[n];
    for (int i = 0; i < n; i++) {
      header[i] = md.getColumnLabel(i + 1);
    }
    while (rs.next()) {
      String[] row = new String[n];
      for (int i = 0; i < n; i++) {
        Object value = rs.getObject(i + 1);
        row[i] = value == null ? "NULL" : Values.text(value);
      }
      rows.add(row);
    }
    int[] widths = widths(header, rows);
    String rule = rule(widths);
    out.println(rule);
    out.println(line(header, widths));
    out.println(rule);
    rows.forEach(row -> out.println(line(row, widths)));
    out.println(rule);
    out.println(rows.size() + (rows.size() == 1 ? " row" : " rows"));
  }

  private static int[] widths(String[] header, List<String[]> rows) {
    int[] widths = new int[header.length];
    for (int i = 0; i < header.length; i++) {
      widths[i] = header[i].length();
      for (String[] row : rows) {
        widths[i] = Math.max(widths[i], row[i].length());
      }
    }
    return widths;
  }

  private static String rule(int[] widths) {
    StringBuilder b = new StringBuilder("+");
    for (int w : widths) {
      b.append("-".repeat(w + 2)).append('+');
    }
    return b.toString();
  }

  private static String line(String[] cells, int[] widths) {
    StringBuilder b = new StringBuilder("|");
    for (int i = 0; i < cells.length; i++) {
      b.append(' ').append(cells[i]).append(" ".repeat(widths[i] - cells[i].length())).append(" |");
    }
    return b.toString();
  }
}
