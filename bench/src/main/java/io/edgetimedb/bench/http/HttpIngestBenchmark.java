package io.edgetimedb.bench.http;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Line protocol over HTTP from a separate process: starts {@link HttpIngestServer} in a child JVM
 * and pushes plant bodies (5,000 lines a request by default) at it from several client threads,
 * each over its own keep-alive connection, for a warm-up and then a measured period; reports
 * acknowledged points per second (a point counts once its request was answered 204, that is after
 * {@code Database.write} returned) and the request latencies, and checks that the server holds
 * every acknowledged point.
 *
 * <p>Run (after {@code mvn -B -q -DskipTests package}):
 * <pre>
 * java -cp bench/target/benchmarks.jar io.edgetimedb.bench.http.HttpIngestBenchmark \
 *     [--threads=4] [--seconds=20] [--warmup=5] [--sensors=1000] [--ticks=5] [--bodies=20] [--durable=DIR] \
 *     [--server-jvm='-Xms1g -Xmx1g']
 * </pre>
 * Lines per request = sensors x ticks. {@code --durable} makes the server's database durable in
 * DIR (group commit). Output committed in {@code bench/results/http-ingest.txt}.
 */
public final class HttpIngestBenchmark {
  private HttpIngestBenchmark() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = ChildServer.options(args);
    int threads = Integer.parseInt(options.getOrDefault("threads", "4"));
    int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "5"));
    int sensors = Integer.parseInt(options.getOrDefault("sensors", "1000"));
    int ticks = Integer.parseInt(options.getOrDefault("ticks", "5"));
    int bodies = Integer.parseInt(options.getOrDefault("bodies", "20"));
    String durable = options.get("durable");
    String serverJvm = options.getOrDefault("server-jvm", "-Xms1g -Xmx1g");

    ChildServer server = ChildServer.start(HttpIngestServer.class, serverJvm,
        durable == null ? List.of() : List.of(durable));
    int port = Integer.parseInt(server.expect("port "));

    List<PlantBodies> plants = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      plants.add(new PlantBodies("g" + t, sensors, ticks, bodies, 1000 + t));
    }
    Run run = new Run(port, plants, server.handle());
    run.go(warmup, seconds);

    server.send("stop");
    long held = Long.parseLong(server.expect("points "));
    server.waitFor();

    report(run, threads, seconds, warmup, sensors * ticks, durable, serverJvm, held);
  }

  /** The client threads and what they counted. */
  private static final class Run {
    private final int port;
    private final List<PlantBodies> plants;
    private final ProcessHandle server;
    private long serverCpuNanos;
    private double loadBefore;
    private double loadAfter;
    private final AtomicLong acknowledgedTotal = new AtomicLong();
    private final AtomicLong acknowledgedMeasured = new AtomicLong();
    private final AtomicLong refused = new AtomicLong();
    private final List<long[]> latencies = new ArrayList<>();
    private volatile boolean measuring;
    private volatile boolean stop;
    private long measuredNanos;

    Run(int port, List<PlantBodies> plants, ProcessHandle server) {
      this.port = port;
      this.plants = plants;
      this.server = server;
    }

    private long serverCpu() {
      return server.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
    }

    void go(int warmupSeconds, int seconds) throws InterruptedException {
      List<Thread> threads = new ArrayList<>();
      for (PlantBodies plant : plants) {
        long[] own = new long[1 << 20];
        latencies.add(own);
        Thread thread = new Thread(() -> send(plant, own), "client-" + threads.size());
        threads.add(thread);
        thread.start();
      }
      Thread.sleep(warmupSeconds * 1000L);
      loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      long cpuBefore = serverCpu();
      measuring = true;
      long started = System.nanoTime();
      Thread.sleep(seconds * 1000L);
      measuring = false;
      measuredNanos = System.nanoTime() - started;
      serverCpuNanos = serverCpu() - cpuBefore;
      loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
      stop = true;
      for (Thread thread : threads) {
        thread.join();
      }
    }

    private void send(PlantBodies plant, long[] ownLatencies) {
      int recorded = 0;
      try (LineProtocolClient client = new LineProtocolClient(port, "/api/v2/write?precision=ns")) {
        for (long round = 0; !stop; round++) {
          for (int b = 0; b < plant.count() && !stop; b++) {
            plant.shift(b, round);
            boolean inWindow = measuring;
            long began = System.nanoTime();
            int status = client.post(plant.body(b));
            long took = System.nanoTime() - began;
            if (status != 204) {
              refused.incrementAndGet();
              continue;
            }
            acknowledgedTotal.addAndGet(plant.linesPerBody());
            if (inWindow && measuring) {
              acknowledgedMeasured.addAndGet(plant.linesPerBody());
              if (recorded < ownLatencies.length) {
                ownLatencies[recorded++] = took;
              }
            }
          }
        }
      } catch (IOException e) {
        throw new IllegalStateException("client failed: " + e.getMessage(), e);
      }
      ownLatencies[ownLatencies.length - 1] = recorded;
    }

    long[] sortedLatencies() {
      int total = 0;
      for (long[] own : latencies) {
        total += (int) own[own.length - 1];
      }
      long[] all = new long[total];
      int at = 0;
      for (long[] own : latencies) {
        int n = (int) own[own.length - 1];
        System.arraycopy(own, 0, all, at, n);
        at += n;
      }
      Arrays.sort(all);
      return all;
    }
  }

  private static void report(Run run, int threads, int seconds, int warmup, int linesPerRequest, String durable,
      String serverJvm, long held) {
    double measured = run.measuredNanos / 1e9;
    long[] latencies = run.sortedLatencies();
    System.out.printf("HTTP line-protocol ingest, %s%n", Instant.now());
    System.out.printf("java %s, %d cores visible; server in a child JVM (%s), %s%n",
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), serverJvm,
        durable == null ? "in-memory database" : "durable database (group commit) in " + durable);
    System.out.printf("%d client threads, one keep-alive connection each, %,d lines per request (POST"
        + " /api/v2/write?precision=ns, plant feed: 6 sensor kinds, 4 tags, 1 field)%n", threads, linesPerRequest);
    System.out.printf("warm-up %d s, measured %.1f s%n", warmup, measured);
    System.out.printf("acknowledged points (204) in the measured period: %,d -> %,.0f points/s%n",
        run.acknowledgedMeasured.get(), run.acknowledgedMeasured.get() / measured);
    System.out.printf("requests in the measured period: %,d (%,.0f/s); latency p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
        latencies.length, latencies.length / measured, percentile(latencies, 0.50), percentile(latencies, 0.99),
        latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6);
    System.out.printf("server CPU in the measured period: %.1f core-seconds (%.0f%% of one core) -> %,.0f points per"
        + " server CPU-second; load average %.1f before, %.1f after%n", run.serverCpuNanos / 1e9,
        100 * run.serverCpuNanos / (double) run.measuredNanos, run.acknowledgedMeasured.get() / (run.serverCpuNanos / 1e9),
        run.loadBefore, run.loadAfter);
    System.out.printf("refused requests: %d; acknowledged overall %,d points, the server holds %,d: %s%n",
        run.refused.get(), run.acknowledgedTotal.get(), held,
        held == run.acknowledgedTotal.get() ? "every acknowledged point is there" : "MISMATCH");
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    return sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))] / 1e6;
  }
}
