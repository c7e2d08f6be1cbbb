package io.edgetimedb.server.avatica;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;

/**
 * A plain Avatica client, run in its own JVM by {@link RemoteClientProcessTest}: connects with
 * {@code jdbc:avatica:remote:url=<args[0]>;serialization=protobuf}, writes an hour of one sensor
 * with one PreparedStatement batch, reads back half an hour with a prepared time-range query and
 * prints what it saw, one fact per line.
 */
public final class RemoteQueryClient {
  private RemoteQueryClient() {}

  public static void main(String[] args) throws SQLException {
    String url = "jdbc:avatica:remote:url=" + args[0] + ";serialization=protobuf;timeZone=UTC";
    try (Connection c = DriverManager.getConnection(url)) {
      c.createStatement().execute("CREATE MEASUREMENT readings (sensor_id TAG, value DOUBLE)");
      try (PreparedStatement insert = c.prepareStatement("INSERT INTO readings (ts, sensor_id, value) VALUES (?, ?, ?)")) {
        for (int s = 0; s < 3600; s++) {
          insert.setTimestamp(1, new Timestamp(s * 1000L));
          insert.setString(2, "t1");
          insert.setDouble(3, s % 60);
          insert.addBatch();
        }
        System.out.println("batch rows " + insert.executeBatch().length);
      }
      try (PreparedStatement range = c.prepareStatement(
          "SELECT ts, value FROM readings WHERE sensor_id = ? AND ts >= ? AND ts < ? ORDER BY ts")) {
        range.setString(1, "t1");
        range.setTimestamp(2, new Timestamp(600_000));
        range.setTimestamp(3, new Timestamp(2_400_000));
        int rows = 0;
        double sum = 0;
        long first = -1;
        try (ResultSet rs = range.executeQuery()) {
          while (rs.next()) {
            first = first < 0 ? rs.getTimestamp(1).getTime() : first;
            sum += rs.getDouble(2);
            rows++;
          }
        }
        System.out.println("range rows " + rows);
        System.out.println("range first ts " + first);
        System.out.println("range sum " + sum);
      }
    }
  }
}
