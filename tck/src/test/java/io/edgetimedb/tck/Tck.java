package io.edgetimedb.tck;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Small shared steps of the TCK tests. */
final class Tck {
  static final String CONFIGURATIONS = "io.edgetimedb.tck.DriverConfiguration#all";

  private Tck() {}

  static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  static long count(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  static List<List<Object>> rows(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      List<List<Object>> rows = new ArrayList<>();
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
      return rows;
    }
  }

  /** A measurement with one column of every type. */
  static void createAllTypes(Connection c) throws SQLException {
    execute(c, "CREATE MEASUREMENT readings (site TAG, d DOUBLE, b BIGINT, flag BOOLEAN, s VARCHAR, bin VARBINARY)");
  }
}
