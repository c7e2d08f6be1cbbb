package io.edgetimedb.bench.protocols;

import io.edgetimedb.engine.settings.SettingsRegistry;
import io.edgetimedb.server.Server;
import io.edgetimedb.server.ServerSettings;
import io.edgetimedb.server.http.HttpServerEndpoint;
import io.edgetimedb.server.mqtt.EmbeddedBroker;
import io.edgetimedb.server.mqtt.MqttSettings;
import io.edgetimedb.server.mqtt.MqttSubscriber;
import io.edgetimedb.server.tcp.TcpListener;
import io.edgetimedb.server.tcp.TcpSettings;
import io.edgetimedb.server.udp.UdpListener;
import io.edgetimedb.server.udp.UdpSettings;
import io.edgetimedb.testsupport.DirectoryTrees;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How far above the seed's floor of 1,000 writes/s each way in stays: the server runs in this
 * JVM as {@code edgetimedb server} runs it (durable, group commit) with its HTTP port, TCP and
 * UDP listeners and MQTT subscriber (to a Moquette broker in this JVM), and for each protocol a
 * separate {@code simulate} process sends a 1,000-sensor plant as fast as the protocol lets it.
 * The rate is what the server stored, over the time from the process's start until the stored
 * count stopped moving; each protocol writes its own stretch of data time, so none overwrites
 * another's points. UDP has no flow control: datagrams the kernel drops are lost, and the report
 * shows how many of the sent points arrived.
 *
 * <p>Run (after {@code mvn -B -q -DskipTests package}):
 * <pre>
 * java -cp bench/target/benchmarks.jar io.edgetimedb.bench.protocols.ProtocolRateReport \
 *     [--points=2000000] [--mqtt-points=200000] [--sensors=1000] [--ways=http,tcp,udp,mqtt]
 * </pre>
 * Output committed in {@code bench/results/protocol-rates.txt}.
 */
public final class ProtocolRateReport {
  private static final long FLOOR_POINTS_PER_SECOND = 1_000;
  private static final long DAY = 86_400_000L;
  private static final long SETTLED_MILLIS = 1_000;

  private ProtocolRateReport() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = io.edgetimedb.bench.http.ChildServer.options(args);
    long points = Long.parseLong(options.getOrDefault("points", "2000000"));
    long mqttPoints = Long.parseLong(options.getOrDefault("mqtt-points", "200000"));
    int sensors = Integer.parseInt(options.getOrDefault("sensors", "1000"));
    Path work = DirectoryTrees.deletedAtExit("protocol-rates");
    try (EmbeddedBroker broker = EmbeddedBroker.start(work.resolve("broker"))) {
      Server server = Server.start(settings(work.resolve("data"), broker.uri()), List.of(HttpServerEndpoint::start,
          MqttSubscriber::start, TcpListener::start, UdpListener::start), new PrintStream(PrintStream.nullOutputStream()));
      try {
        String ready = server.readyLine();
        System.out.printf("Ingest rate per protocol, %s; java %s, %d cores; %s%n", Instant.now(),
            System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), ready);
        System.out.printf("%-5s %12s %12s %8s %14s %12s  %s%n", "way", "points sent", "stored", "seconds",
            "points/s", "x floor", "load average before/after");
        long start = Instant.now().toEpochMilli() / DAY * DAY - 100 * DAY;
        List<String[]> runs = new ArrayList<>();
        runs.add(new String[] {"http", "http://127.0.0.1:" + port(ready, "http"), Long.toString(points)});
        runs.add(new String[] {"tcp", "tcp://127.0.0.1:" + port(ready, "tcp"), Long.toString(points)});
        runs.add(new String[] {"udp", "udp://127.0.0.1:" + port(ready, "udp"), Long.toString(points)});
        runs.add(new String[] {"mqtt", broker.uri().replace("tcp:", "mqtt:"), Long.toString(mqttPoints)});
        List<String> ways = List.of(options.getOrDefault("ways", "http,tcp,udp,mqtt").split(","));
        for (int i = 0; i < runs.size(); i++) {
          String[] run = runs.get(i);
          if (!ways.contains(run[0])) {
            continue;
          }
          measure(server, run[0], run[1], Long.parseLong(run[2]), sensors, start + i * 20 * DAY, work);
        }
      } finally {
        server.stop();
      }
    }
  }

  /** The server as {@code edgetimedb server} runs it, durable in {@code data}, all listeners on loopback. */
  static SettingsRegistry settings(Path data, String brokerUri) {
    SettingsRegistry settings = ServerSettings.registry();
    settings.set(ServerSettings.DATA_DIRECTORY, data.toString(), "bench");
    settings.set(ServerSettings.HTTP_PORT, "0", "bench");
    settings.set(ServerSettings.HTTP_BIND, "127.0.0.1", "bench");
    settings.set(TcpSettings.PORT, "0", "bench");
    settings.set(TcpSettings.BIND, "127.0.0.1", "bench");
    settings.set(UdpSettings.ENABLED, "true", "bench");
    settings.set(UdpSettings.PORT, "0", "bench");
    settings.set(UdpSettings.BIND, "127.0.0.1", "bench");
    settings.set(MqttSettings.BROKER, brokerUri, "bench");
    settings.set(MqttSettings.TOPICS, "plant/#", "bench");
    settings.set(MqttSettings.TOPIC_TAGS, "plant/{site}/{line}/{sensor}", "bench");
    return settings;
  }

  private static int port(String readyLine, String endpoint) {
    Matcher m = Pattern.compile(endpoint + "=\\S+:(\\d+)").matcher(readyLine);
    if (!m.find()) {
      throw new IllegalStateException("no " + endpoint + " address in: " + readyLine);
    }
    return Integer.parseInt(m.group(1));
  }

  private static void measure(Server server, String way, String to, long points, int sensors, long startMillis,
      Path work) throws IOException, InterruptedException {
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    long before = server.database().memoryUsage().points();
    List<String> arguments = new ArrayList<>(List.of("--sensors", Integer.toString(sensors), "--rate", "max",
        "--points", Long.toString(points), "--start", Long.toString(startMillis), "--to", to));
    if (way.equals("tcp")) {
      arguments.addAll(List.of("--connections", "4"));
    }
    Path log = work.resolve("simulate-" + way + ".log");
    long started = System.nanoTime();
    int exit = SimulateRun.start(log, arguments).waitFor();
    SimulateRun.Settled settled = SimulateRun.awaitSettled(server, 0, SETTLED_MILLIS, 0);
    long lastChange = settled.lastChangeNanos();
    long stored = settled.points();
    double seconds = (lastChange - started) / 1e9;
    long arrived = stored - before;
    double rate = arrived / seconds;
    System.out.printf("%-5s %,12d %,12d %8.1f %,14.0f %,12.0f  %.1f/%.1f%s%n", way, points, arrived, seconds, rate,
        rate / FLOOR_POINTS_PER_SECOND, loadBefore, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
        exit == 0 ? "" : "  (simulate exit " + exit + ": " + Files.readString(log).strip() + ")");
  }
}
