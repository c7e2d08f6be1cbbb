package io.edgetimedb.bench.sql;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * (e) JDBC PreparedStatement batches into an in-memory database: each invocation adds one second
 * of a 1,000-sensor plant (1,000 rows of ts, two tags and a value) and executes the batch. Scores
 * are rows per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(SensorHistory.SENSORS)
@Warmup(iterations = 8, time = 3)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g", "-Duser.timezone=UTC"})
public class JdbcBatchInsertBenchmark {
  private final String[] sensorIds = new String[SensorHistory.SENSORS];
  private final String[] sites = new String[SensorHistory.SENSORS];
  private Connection connection;
  private PreparedStatement insert;
  private long second;

  @Setup(Level.Trial)
  public void open() throws SQLException {
    connection = DriverManager.getConnection("jdbc:edgetimedb:mem:");
    connection.createStatement().execute("CREATE MEASUREMENT readings (sensor_id TAG, site TAG, value DOUBLE)");
    insert = connection.prepareStatement("INSERT INTO readings (ts, sensor_id, site, value) VALUES (?, ?, ?, ?)");
    for (int s = 0; s < sensorIds.length; s++) {
      sensorIds[s] = SensorHistory.sensorId(s);
      sites[s] = "site-" + s % 10;
    }
  }

  @Benchmark
  public int[] insertOneSecondOfThePlant() throws SQLException {
    Timestamp ts = new Timestamp(SensorHistory.START + second++ * 1000);
    for (int s = 0; s < sensorIds.length; s++) {
      insert.setTimestamp(1, ts);
      insert.setString(2, sensorIds[s]);
      insert.setString(3, sites[s]);
      insert.setDouble(4, 20 + s % 50 + (second % 100) / 10.0);
      insert.addBatch();
    }
    return insert.executeBatch();
  }

  @TearDown(Level.Trial)
  public void close() throws SQLException {
    connection.close();
  }
}
