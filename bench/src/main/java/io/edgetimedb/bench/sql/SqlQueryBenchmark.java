package io.edgetimedb.bench.sql;

import java.sql.Connection;
import java.sql.SQLException;
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
 * at 1 Hz): the query set of {@link SensorQueries}, each invocation about another sensor. Sample
 * time mode, so the output has the p50 and p99 of single executions.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx2g", "-Duser.timezone=UTC"})
public class SqlQueryBenchmark {
  private Connection connection;
  private SensorQueries queries;

  @Setup(Level.Trial)
  public void open() throws SQLException {
    connection = SensorHistory.open();
    queries = new SensorQueries(connection, 0);
  }

  /** (a) one sensor's 1-hour range: 3,600 rows. */
  @Benchmark
  public double oneHourOfOneSensor() throws SQLException {
    return queries.oneHourOfOneSensor();
  }

  /** (b) one sensor's last 5 minutes: 300 rows. */
  @Benchmark
  public double lastFiveMinutesOfOneSensor() throws SQLException {
    return queries.lastFiveMinutesOfOneSensor();
  }

  /** (c) 1-minute buckets over one hour of one sensor: 60 rows of avg, min and max. */
  @Benchmark
  public double minuteBucketsOfOneHour() throws SQLException {
    return queries.minuteBucketsOfOneHour();
  }

  /** (d) (a) as an ad-hoc Statement whose literals change every time: served by the plan cache. */
  @Benchmark
  public double oneHourOfOneSensorAdHoc() throws SQLException {
    return queries.oneHourOfOneSensorAdHoc();
  }

  /** (e) one sensor's newest row, from the last values kept on the write path. */
  @Benchmark
  public double newestRowOfOneSensor() throws SQLException {
    return queries.newestRowOfOneSensor();
  }

  /** (f) last(value, ts) of all 1,000 sensors, from the last values kept on the write path. */
  @Benchmark
  public double latestOfEverySensor() throws SQLException {
    return queries.latestOfEverySensor();
  }

  /** (g) the newest row of all 1,000 sensors through ROW_NUMBER() ... = 1. */
  @Benchmark
  public double newestRowOfEverySensor() throws SQLException {
    return queries.newestRowOfEverySensor();
  }

  @TearDown(Level.Trial)
  public void close() throws SQLException {
    connection.close();
  }
}
