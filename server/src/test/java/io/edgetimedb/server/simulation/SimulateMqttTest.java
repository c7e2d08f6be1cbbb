package io.edgetimedb.server.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.lineprotocol.Precision;
import io.edgetimedb.engine.write.PointBatch;
import io.edgetimedb.server.mqtt.EmbeddedBroker;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simulate --to mqtt://...} through a real broker (Moquette) to a real paho subscriber. */
class SimulateMqttTest {
  private static final long START = 1_700_000_000_000L;

  @TempDir
  Path brokerData;

  private record Message(String topic, byte[] payload) {}

  @Test
  void everyReadingIsOneMessageOnItsSensorsTopic() throws Exception {
    try (EmbeddedBroker broker = EmbeddedBroker.start(brokerData)) {
      ConcurrentLinkedQueue<Message> messages = new ConcurrentLinkedQueue<>();
      MqttClient subscriber = new MqttClient(broker.uri(), "simulate-test", new MemoryPersistence());
      MqttConnectOptions options = new MqttConnectOptions();
      options.setCleanSession(true);
      options.setMaxInflight(1000);
      subscriber.connect(options);
      subscriber.subscribe("plant/#", 1, (topic, message) -> messages.add(new Message(topic, message.getPayload())));
      try {
        String port = broker.uri().substring(broker.uri().lastIndexOf(':') + 1);
        SimulateCli run = SimulateCli.run("--to", "mqtt://127.0.0.1:" + port, "--sensors", "30", "--rate", "max",
            "--duration", "10s", "--seed", "9", "--start", Long.toString(START), "--qos", "1");
        assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
        assertThat(run.out()).contains("300 delivered, 0 lost").contains("(QoS 1)");
        List<Reading> expected = Reading.expected(new SimulatedFleet(30, 9, START, 1000, 10, 0, null, null), 10);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (messages.size() < expected.size() && System.nanoTime() < deadline) {
          Thread.sleep(20);
        }

        List<Reading> arrived = new ArrayList<>();
        for (Message m : messages) {
          List<Reading> one = Reading.parse(m.payload(), Precision.NANOSECONDS);
          assertThat(one).as("one reading per message").hasSize(1);
          arrived.addAll(one);
          PointBatch parsed = new PointBatch();
          new io.edgetimedb.engine.lineprotocol.LineProtocolParser().parse(m.payload(), 0, m.payload().length,
              Precision.NANOSECONDS, 0, 1, parsed);
          assertThat(m.topic()).isEqualTo("plant/" + PointTags.value(parsed, 0, "site") + "/"
              + PointTags.value(parsed, 0, "line") + "/" + one.get(0).sensor());
        }
        assertThat(arrived).containsExactlyInAnyOrderElementsOf(expected);
      } finally {
        subscriber.disconnect();
        subscriber.close();
      }
    }
  }
}
