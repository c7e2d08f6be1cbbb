package io.edgetimedb.bench.protocols;

import io.edgetimedb.server.Server;
import io.edgetimedb.server.mqtt.EmbeddedBroker;
import io.edgetimedb.server.mqtt.MqttSubscriber;
import io.edgetimedb.testsupport.DirectoryTrees;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How fast the MQTT subscriber alone takes QoS 1 messages, whatever the publisher can send: the
 * server subscribes once (so the broker keeps a persistent session for it) and stops; {@code
 * simulate} publishes the readings, one message each, into that session while the server is
 * away; then the server starts again and the time until it stored them all is the subscriber's
 * rate. The broker (Moquette, in this JVM) lets 10 messages stay unacknowledged, so this is 10
 * messages per fsync at best.
 *
 * <p>Run (after {@code mvn -B -q -DskipTests package}):
 * <pre>
 * java -cp bench/target/benchmarks.jar io.edgetimedb.bench.protocols.MqttDrainReport [--points=100000]
 * </pre>
 * Output committed in {@code bench/results/protocol-rates.txt}.
 */
public final class MqttDrainReport {
  private static final PrintStream QUIET = new PrintStream(PrintStream.nullOutputStream());
  private static final long SUBSCRIBED_MILLIS = 3_000;
  private static final long SETTLED_MILLIS = 2_000;
  private static final long GIVE_UP_MILLIS = 120_000;

  private MqttDrainReport() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = io.edgetimedb.bench.http.ChildServer.options(args);
    long points = Long.parseLong(options.getOrDefault("points", "100000"));
    Path work = DirectoryTrees.deletedAtExit("mqtt-drain");
    try (EmbeddedBroker broker = EmbeddedBroker.start(work.resolve("broker"))) {
      Server first = Server.start(ProtocolRateReport.settings(work.resolve("data"), broker.uri()),
          List.of(MqttSubscriber::start), QUIET);
      Thread.sleep(SUBSCRIBED_MILLIS);
      first.stop();

      publish(broker, points, work);

      long started = System.nanoTime();
      Server second = Server.start(ProtocolRateReport.settings(work.resolve("data"), broker.uri()),
          List.of(MqttSubscriber::start), QUIET);
      try {
        SimulateRun.Settled settled = SimulateRun.awaitSettled(second, 1, SETTLED_MILLIS, GIVE_UP_MILLIS);
        double seconds = (settled.lastChangeNanos() - started) / 1e9;
        System.out.printf("MQTT drain, %s; java %s, %d cores: %,d messages published while the server was away;"
            + " %,d stored %.1f s after it started again = %,.0f points/s%n", Instant.now(),
            System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), points, settled.points(),
            seconds, settled.points() / seconds);
      } finally {
        second.stop();
      }
    }
  }

  private static void publish(EmbeddedBroker broker, long points, Path work) throws Exception {
    Path log = work.resolve("simulate.log");
    Process simulate = SimulateRun.start(log, List.of("--sensors", "1000", "--rate", "max", "--points",
        Long.toString(points), "--to", broker.uri().replace("tcp:", "mqtt:")));
    if (simulate.waitFor() != 0) {
      throw new IllegalStateException("simulate failed; see " + log);
    }
  }
}
