package io.edgetimedb.bench.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Query latency through the embedded JDBC driver over {@link SensorHistory} (1,000 sensors × 2 h
 * at 1 Hz). Each invocation asks about another sensor and reads every row of the result. Sample
 * time mode, so the output has the p50 and p99 of single executions.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g", "-Duser.timezone=UTC"})
public class SqlQueryBenchmark {
  private static final long HOUR = 3_600_000L;

  private Connection connection;
  private PreparedStatement hourRange;
  private PreparedStatement lastMinutes;
  private PreparedStatement minuteBuckets;
  private Statement adHoc;
  private int sensor;

  @Setup(Level.Trial)
  public void open() throws SQLException {
    connection = SensorHistory.open();
    hourRange = connection.prepareStatement(
        "SELECT ts, value FROM readings WHERE sensor_id = ? AND ts >= ? AND ts < ?");
    lastMinutes = connection.prepareStatement("SELECT ts, value FROM readings WHERE sensor_id = ? AND ts >= ?");
    minuteBuckets = connection.prepareStatement("SELECT time_bucket(INTERVAL '1' MINUTE, ts) AS minute,"
        + " avg(value), min(value), max(value) FROM readings WHERE sensor_id = ? AND ts >= ? AND ts < ?"
        + " GROUP BY time_bucket(INTERVAL '1' MINUTE, ts)");
    adHoc = connection.createStatement();
  }

  /** (a) one sensor's 1-hour range: 3,600 rows. */
  @Benchmark
  public double oneHourOfOneSensor() throws SQLException {
    hourRange.setString(1, nextSensor());
    hourRange.setTimestamp(2, new Timestamp(hourStart()));
    hourRange.setTimestamp(3, new Timestamp(hourStart() + HOUR));
    return sumOfColumn2(hourRange.executeQuery(), 3600);
  }

  /** (b) one sensor's last 5 minutes: 300 rows. */
  @Benchmark
  public double lastFiveMinutesOfOneSensor() throws SQLException {
    lastMinutes.setString(1, nextSensor());
    lastMinutes.setTimestamp(2, new Timestamp(SensorHistory.END - 5 * 60_000L));
    return sumOfColumn2(lastMinutes.executeQuery(), 300);
  }

  /** (c) 1-minute buckets over one hour of one sensor: 60 rows of avg, min and max. */
  @Benchmark
  public double minuteBucketsOfOneHour() throws SQLException {
    minuteBuckets.setString(1, nextSensor());
    minuteBuckets.setTimestamp(2, new Timestamp(hourStart()));
    minuteBuckets.setTimestamp(3, new Timestamp(hourStart() + HOUR));
    return sumOfColumn2(minuteBuckets.executeQuery(), 60);
  }

  /** (d) (a) as an ad-hoc Statement whose literals change every time: served by the plan cache. */
  @Benchmark
  public double oneHourOfOneSensorAdHoc() throws SQLException {
    long from = hourStart();
    String sql = "SELECT ts, value FROM readings WHERE sensor_id = '" + nextSensor() + "' AND ts >= TIMESTAMP '"
        + text(from) + "' AND ts < TIMESTAMP '" + text(from + HOUR) + "'";
    return sumOfColumn2(adHoc.executeQuery(sql), 3600);
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

  /** Reads every row; a wrong row count means the benchmark measures the wrong query, so it fails. */
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

  @TearDown(Level.Trial)
  public void close() throws SQLException {
    connection.close();
  }
}
