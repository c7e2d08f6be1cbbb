package io.edgetimedb.bench.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;

/**
 * The SQL issue's query set over {@link SensorHistory}, prepared once on any connection (embedded
 * or remote) so every benchmark measures the same statements. Each call asks about another sensor
 * and reads every row of the result; a wrong row count fails, because the benchmark would then
 * measure the wrong query.
 */
final class SensorQueries {
  private static final long HOUR = 3_600_000L;

  private final PreparedStatement hourRange;
  private final PreparedStatement lastMinutes;
  private final PreparedStatement minuteBuckets;
  private final PreparedStatement newestRow;
  private final PreparedStatement latestOfEverySensor;
  private final PreparedStatement newestRowOfEverySensor;
  private final Statement adHoc;
  private int sensor;

  /** @param fetchSize rows per fetch; remotely, one round trip per result needs at least 3,600 */
  SensorQueries(Connection connection, int fetchSize) throws SQLException {
    hourRange = prepare(connection, "SELECT ts, value FROM readings WHERE sensor_id = ? AND ts >= ? AND ts < ?",
        fetchSize);
    lastMinutes = prepare(connection, "SELECT ts, value FROM readings WHERE sensor_id = ? AND ts >= ?", fetchSize);
    minuteBuckets = prepare(connection, "SELECT time_bucket(INTERVAL '1' MINUTE, ts) AS minute,"
        + " avg(value), min(value), max(value) FROM readings WHERE sensor_id = ? AND ts >= ? AND ts < ?"
        + " GROUP BY time_bucket(INTERVAL '1' MINUTE, ts)", fetchSize);
    newestRow = prepare(connection, "SELECT ts, value FROM readings WHERE sensor_id = ? ORDER BY ts DESC LIMIT 1",
        fetchSize);
    latestOfEverySensor = prepare(connection, "SELECT sensor_id, last(value, ts) FROM readings GROUP BY sensor_id",
        fetchSize);
    newestRowOfEverySensor = prepare(connection, "SELECT sensor_id, value FROM (SELECT sensor_id, ts, value,"
        + " ROW_NUMBER() OVER (PARTITION BY sensor_id ORDER BY ts DESC) AS rn FROM readings) WHERE rn = 1", fetchSize);
    adHoc = connection.createStatement();
    adHoc.setFetchSize(fetchSize);
  }

  private static PreparedStatement prepare(Connection connection, String sql, int fetchSize) throws SQLException {
    PreparedStatement ps = connection.prepareStatement(sql);
    ps.setFetchSize(fetchSize);
    return ps;
  }

  /** (a) one sensor's 1-hour range: 3,600 rows. */
  double oneHourOfOneSensor() throws SQLException {
    hourRange.setString(1, nextSensor());
    hourRange.setTimestamp(2, new Timestamp(hourStart()));
    hourRange.setTimestamp(3, new Timestamp(hourStart() + HOUR));
    return sumOfColumn2(hourRange.executeQuery(), 3600);
  }

  /** (b) one sensor's last 5 minutes: 300 rows. */
  double lastFiveMinutesOfOneSensor() throws SQLException {
    lastMinutes.setString(1, nextSensor());
    lastMinutes.setTimestamp(2, new Timestamp(SensorHistory.END - 5 * 60_000L));
    return sumOfColumn2(lastMinutes.executeQuery(), 300);
  }

  /** (c) 1-minute buckets over one hour of one sensor: 60 rows of avg, min and max. */
  double minuteBucketsOfOneHour() throws SQLException {
    minuteBuckets.setString(1, nextSensor());
    minuteBuckets.setTimestamp(2, new Timestamp(hourStart()));
    minuteBuckets.setTimestamp(3, new Timestamp(hourStart() + HOUR));
    return sumOfColumn2(minuteBuckets.executeQuery(), 60);
  }

  /** (d) (a) as an ad-hoc Statement whose literals change every time: served by the plan cache. */
  double oneHourOfOneSensorAdHoc() throws SQLException {
    long from = hourStart();
    String sql = "SELECT ts, value FROM readings WHERE sensor_id = '" + nextSensor() + "' AND ts >= TIMESTAMP '"
        + text(from) + "' AND ts < TIMESTAMP '" + text(from + HOUR) + "'";
    return sumOfColumn2(adHoc.executeQuery(sql), 3600);
  }

  /** (e) one sensor's newest row: ORDER BY ts DESC LIMIT 1. */
  double newestRowOfOneSensor() throws SQLException {
    newestRow.setString(1, nextSensor());
    return sumOfColumn2(newestRow.executeQuery(), 1);
  }

  /** (f) the last value of every sensor: 1,000 rows. */
  double latestOfEverySensor() throws SQLException {
    return sumOfColumn2(latestOfEverySensor.executeQuery(), SensorHistory.SENSORS);
  }

  /** (g) the newest row of every sensor, as a ROW_NUMBER window: 1,000 rows. */
  double newestRowOfEverySensor() throws SQLException {
    return sumOfColumn2(newestRowOfEverySensor.executeQuery(), SensorHistory.SENSORS);
  }

  private String nextSensor() {
    sensor = (sensor + 7) % SensorHistory.SENSORS;
    return SensorHistory.sensorId(sensor);
  }

  /** Either hour of the two, alternating with the sensor, so no two executions read the same rows. */
  private long hourStart() {
    return SensorHistory.START + (sensor % SensorHistory.HOURS) * HOUR;
  }

  private static String text(long millis) {
    return Instant.ofEpochMilli(millis).toString().replace('T', ' ').replace("Z", "");
  }

  private static double sumOfColumn2(ResultSet rs, int expectedRows) throws SQLException {
    double sum = 0;
    int rows = 0;
    try (rs) {
      while (rs.next()) {
        sum += rs.getDouble(2);
        rows++;
      }
    }
    if (rows != expectedRows) {
      throw new IllegalStateException(rows + " rows where " + expectedRows + " were expected");
    }
    return sum;
  }
}
