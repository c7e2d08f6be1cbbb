package io.edgetimedb.bench.tcp;

import io.edgetimedb.bench.http.ChildServer;
import io.edgetimedb.bench.http.PlantBodies;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Line protocol over plain TCP from a separate process: starts {@link TcpIngestServer} in a child
 * JVM and streams plant-feed lines (the bodies of the HTTP benchmark, {@link PlantBodies}) into it
 * over N connections, one client thread each, for a warm-up and then a measured period. TCP has no
 * acknowledgements, so the rate is what the server wrote in the measured period (asked of it at
 * both ends) per second; the clients' writes only run as fast as the listener's back-pressure lets
 * them. At the end the clients close, the server drains, and the points it holds are compared with
 * the lines sent.
 *
 * <p>Run (after {@code mvn -B -q -DskipTests package}):
 * <pre>
 * java -cp bench/target/benchmarks.jar io.edgetimedb.bench.tcp.TcpIngestBenchmark \
 *     [--connections=4] [--seconds=20] [--warmup=5] [--sensors=1000] [--ticks=5] [--bodies=20] \
 *     [--writer-threads=2] [--durable=DIR] [--server-jvm='-Xms1g -Xmx1g']
 * </pre>
 * Output committed in {@code bench/results/tcp-ingest.txt}.
 */
public final class TcpIngestBenchmark {
  private TcpIngestBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = ChildServer.options(args);
    int connections = Integer.parseInt(options.getOrDefault("connections", "4"));
    int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "5"));
    int sensors = Integer.parseInt(options.getOrDefault("sensors", "1000"));
    int ticks = Integer.parseInt(options.getOrDefault("ticks", "5"));
    int bodies = Integer.parseInt(options.getOrDefault("bodies", "20"));
    int writerThreads = Integer.parseInt(options.getOrDefault("writer-threads", "2"));
    String durable = options.get("durable");
    String serverJvm = options.getOrDefault("server-jvm", "-Xms1g -Xmx1g");

    ChildServer server = ChildServer.start(TcpIngestServer.class, serverJvm,
        List.of(durable == null ? "-" : durable, Integer.toString(writerThreads)));
    int port = Integer.parseInt(server.expect("port "));
    List<PlantBodies> plants = new ArrayList<>();
    for (int c = 0; c < connections; c++) {
      plants.add(new PlantBodies("g" + c, sensors, ticks, bodies, 1000 + c));
    }
    Run run = new Run(port, plants, server);
    run.go(warmup, seconds);

    server.send("stop");
    long held = Long.parseLong(server.expect("points "));
    String counters = server.expect("counters ");
    server.waitFor();
    report(run, connections, writerThreads, warmup, durable, serverJvm, held, counters);
  }

  /** The client threads and what was measured. */
  private static final class Run {
    private final int port;
    private final List<PlantBodies> plants;
    private final ChildServer server;
    private final AtomicLong sent = new AtomicLong();
    private volatile boolean stop;
    private long measuredNanos;
    private long writtenInWindow;
    private long serverCpuNanos;
    private double loadBefore;
    private double loadAfter;

    Run(int port, List<PlantBodies> plants, ChildServer server) {
      this.port = port;
      this.plants = plants;
      this.server = server;
    }

    private long written() throws IOException {
      server.send("count");
      return Long.parseLong(server.expect("points "));
    }

    void go(int warmupSeconds, int seconds) throws Exception {
      List<Thread> threads = new ArrayList<>();
      for (PlantBodies plant : plants) {
        Thread thread = new Thread(() -> send(plant), "client-" + threads.size());
        threads.add(thread);
        thread.start();
      }
      Thread.sleep(warmupSeconds * 1000L);
      loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      long cpuBefore = server.cpuNanos();
      long writtenBefore = written();
      long started = System.nanoTime();
      Thread.sleep(seconds * 1000L);
      writtenInWindow = written() - writtenBefore;
      measuredNanos = System.nanoTime() - started;
      serverCpuNanos = server.cpuNanos() - cpuBefore;
      loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      stop = true;
      for (Thread thread : threads) {
        thread.join();
      }
    }

    /** Streams the plant's bodies, each with newer timestamps, until stopped; a write blocks while the server pushes back. */
    private void send(PlantBodies plant) {
      try (SocketChannel channel = SocketChannel.open(new InetSocketAddress("127.0.0.1", port))) {
        for (long round = 0; !stop; round++) {
          for (int b = 0; b < plant.count() && !stop; b++) {
            plant.shift(b, round);
            ByteBuffer body = ByteBuffer.wrap(plant.body(b));
            while (body.hasRemaining()) {
              channel.write(body);
            }
            sent.addAndGet(plant.linesPerBody());
          }
        }
      } catch (IOException e) {
        throw new IllegalStateException("client failed: " + e.getMessage(), e);
      }
    }
  }

  private static void report(Run run, int connections, int writerThreads, int warmup, String durable,
      String serverJvm, long held, String counters) {
    double measured = run.measuredNanos / 1e9;
    System.out.printf("TCP line-protocol ingest, %s%n", Instant.now());
    System.out.printf("java %s, %d cores visible; server in a child JVM (%s), %s, %d writer threads%n",
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), serverJvm,
        durable == null ? "in-memory database" : "durable database (group commit) in " + durable, writerThreads);
    System.out.printf("%d client connections, one thread each, streaming plant-feed lines (6 sensor kinds, 4 tags,"
        + " 1 field, ns timestamps) as fast as the listener lets them%n", connections);
    System.out.printf("warm-up %d s, measured %.1f s%n", warmup, measured);
    System.out.printf("points written by the server in the measured period: %,d -> %,.0f points/s%n",
        run.writtenInWindow, run.writtenInWindow / measured);
    System.out.printf("server CPU in the measured period: %.1f core-seconds (%.0f%% of one core) -> %,.0f points per"
        + " server CPU-second (%.2f us CPU per point); load average %.1f before, %.1f after%n",
        run.serverCpuNanos / 1e9, 100 * run.serverCpuNanos / (double) run.measuredNanos,
        run.writtenInWindow / (run.serverCpuNanos / 1e9), run.serverCpuNanos / 1e3 / Math.max(1, run.writtenInWindow),
        run.loadBefore, run.loadAfter);
    System.out.printf("lines sent overall %,d, the server holds %,d points at the end: %s%n", run.sent.get(), held,
        held == run.sent.get() ? "every sent line is there" : "MISMATCH");
    System.out.printf("server counters: %s%n", counters);
  }
}
