package io.edgetimedb.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;

/**
 * An application that knows only java.sql and the driver's URL, for {@link ShadedDriverJarIT}:
 * writes a few minutes of readings and prints one line per answer. Run with the shaded jar on
 * the class path; the queries reach Calcite's generated code, the tag index and the plan cache.
 */
public final class ShadedJarClient {
  private ShadedJarClient() {}

  public static void main(String[] args) throws SQLException {
    try (Connection c = DriverManager.getConnection(args[0]); Statement s = c.createStatement()) {
      s.execute("CREATE MEASUREMENT boiler (site TAG, sensor TAG, value DOUBLE)");
      try (PreparedStatement insert = c.prepareStatement(
          "INSERT INTO boiler (ts, site, sensor, value) VALUES (?, 'A', ?, ?)")) {
        for (int i = 0; i < 600; i++) {
          insert.setTimestamp(1, new Timestamp(1_700_000_000_000L + i * 1000L));
          insert.setString(2, "t" + (i % 3));
          insert.setDouble(3, i);
          insert.addBatch();
        }
        insert.executeBatch();
      }
      print(s, "buckets", "SELECT time_bucket(INTERVAL '1' MINUTE, ts) AS m, avg(value) FROM boiler"
          + " WHERE sensor LIKE 't%' GROUP BY time_bucket(INTERVAL '1' MINUTE, ts) ORDER BY m LIMIT 2");
      print(s, "newest", "SELECT sensor, value FROM (SELECT sensor, value, ROW_NUMBER() OVER (PARTITION BY sensor"
          + " ORDER BY ts DESC) AS rn FROM boiler) WHERE rn = 1 ORDER BY sensor");
      print(s, "storage", "SELECT measurement, points FROM sys.storage");
    }
  }

  private static void print(Statement s, String name, String sql) throws SQLException {
    StringBuilder line = new StringBuilder(name).append(':');
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        line.append(' ').append(rs.getString(1)).append('=').append(rs.getString(2));
      }
    }
    System.out.println(line);
  }
}
