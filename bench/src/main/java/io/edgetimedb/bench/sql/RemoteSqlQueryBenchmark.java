package io.edgetimedb.bench.sql;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The SQL issue's queries (a)-(c) of {@link SqlQueryBenchmark} through
 * {@code jdbc:edgetimedb:remote:} (protobuf over loopback HTTP; {@code -p client=avatica} for
 * Avatica's own driver) against a server in a separate process ({@link SensorHistoryServer}), so
 * the figures include serialisation, HTTP and the server's Avatica layer, and client and server do
 * not share a heap or JIT. The statements fetch up to 4,000 rows per round trip, so each result
 * arrives with its execute response; Avatica's default of 100 would make query (a) 37 round trips.
 *
 * <p>Each iteration also prints the CPU time per query of the client and the server process, a
 * figure that, unlike latency on a shared machine, does not depend on what else runs there.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 5)
@Fork(value = 1, jvmArgs = {"-Xmx1g", "-Duser.timezone=UTC"})
public class RemoteSqlQueryBenchmark {
  private static final int ROWS_PER_ROUND_TRIP = 4000;

  /**
   * Which client: {@code edgetimedb} ({@code jdbc:edgetimedb:remote:}, which reads frames itself)
   * or {@code avatica} (Avatica's own remote driver, as any Avatica client uses the server).
   */
  @Param({"edgetimedb"})
  public String client;

  private Process server;
  private Connection connection;
  private SensorQueries queries;
  private long executed;
  private long clientCpuAtStart;
  private long serverCpuAtStart;

  @Setup(Level.Trial)
  public void open() throws IOException, SQLException {
    server = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx2g", "-Duser.timezone=UTC", "-cp", System.getProperty("java.class.path"),
        SensorHistoryServer.class.getName())).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    int port = awaitPort(new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8)));
    String http = "http://127.0.0.1:" + port;
    connection = DriverManager.getConnection(client.equals("avatica")
        ? "jdbc:avatica:remote:url=" + http + ";serialization=protobuf;timeZone=UTC"
        : "jdbc:edgetimedb:remote:url=" + http);
    queries = new SensorQueries(connection, ROWS_PER_ROUND_TRIP);
  }

  @Setup(Level.Iteration)
  public void startCounting() {
    executed = 0;
    clientCpuAtStart = clientCpuNanos();
    serverCpuAtStart = serverCpuNanos();
  }

  @TearDown(Level.Iteration)
  public void printCpuPerQuery() {
    System.out.printf("%n  CPU per query: client process %.3f ms, server process %.3f ms%n",
        (clientCpuNanos() - clientCpuAtStart) / 1e6 / executed, (serverCpuNanos() - serverCpuAtStart) / 1e6 / executed);
  }

  private static long clientCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  private long serverCpuNanos() {
    return server.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
  }

  private static int awaitPort(BufferedReader out) throws IOException {
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith(SensorHistoryServer.READY)) {
        return Integer.parseInt(line.substring(SensorHistoryServer.READY.length()).trim());
      }
    }
    throw new IOException("the server process ended before it listened");
  }

  /** (a) one sensor's 1-hour range: 3,600 rows. */
  @Benchmark
  public double oneHourOfOneSensor() throws SQLException {
    executed++;
    return queries.oneHourOfOneSensor();
  }

  /** (b) one sensor's last 5 minutes: 300 rows. */
  @Benchmark
  public double lastFiveMinutesOfOneSensor() throws SQLException {
    executed++;
    return queries.lastFiveMinutesOfOneSensor();
  }

  /** (c) 1-minute buckets over one hour of one sensor: 60 rows of avg, min and max. */
  @Benchmark
  public double minuteBucketsOfOneHour() throws SQLException {
    executed++;
    return queries.minuteBucketsOfOneHour();
  }

  @TearDown(Level.Trial)
  public void close() throws SQLException, IOException, InterruptedException {
    try {
      connection.close();
    } finally {
      server.getOutputStream().close();
      if (!server.waitFor(30, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
    }
  }
}
