package io.edgetimedb.server.mqtt;

import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * A real MQTT broker (Moquette) inside the test JVM on a free loopback port, with in-memory
 * sessions: a {@link #restart()} loses them, like a broker without persistence does. Publishes
 * through a real paho client. Public for the simulate command's MQTT test.
 */
public final class EmbeddedBroker implements AutoCloseable {
  private final int port;
  private final Path dataPath;
  private Server server;
  private MqttClient publisher;

  private EmbeddedBroker(int port, Path dataPath) {
    this.port = port;
    this.dataPath = dataPath;
  }

  public static EmbeddedBroker start(Path dataPath) throws IOException {
    EmbeddedBroker broker = new EmbeddedBroker(freePort(), dataPath);
    broker.startServer();
    return broker;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private void startServer() throws IOException {
    Properties p = new Properties();
    p.setProperty("host", "127.0.0.1");
    p.setProperty("port", Integer.toString(port));
    p.setProperty("websocket_port", "disabled");
    p.setProperty("allow_anonymous", "true");
    p.setProperty("persistence_enabled", "false");
    p.setProperty("data_path", dataPath.toString());
    p.setProperty("telemetry_enabled", "false");
    p.setProperty("immediate_buffer_flush", "true");
    p.setProperty("netty.mqtt.message_size", Integer.toString(1 << 20));
    server = new Server();
    server.startServer(new MemoryConfig(p));
  }

  public String uri() {
    return "tcp://127.0.0.1:" + port;
  }

  /** Stops the broker; its sessions are gone. */
  void stop() {
    closePublisher();
    if (server != null) {
      server.stopServer();
      server = null;
    }
  }

  void restart() throws IOException {
    stop();
    startServer();
  }

  public void publish(String topic, String payload, int qos) throws MqttException {
    publish(topic, payload.getBytes(StandardCharsets.UTF_8), qos);
  }

  void publish(String topic, byte[] payload, int qos) throws MqttException {
    publisher().publish(topic, payload, qos, false);
  }

  private MqttClient publisher() throws MqttException {
    if (publisher == null || !publisher.isConnected()) {
      closePublisher();
      publisher = new MqttClient(uri(), "test-publisher", new MemoryPersistence());
      MqttConnectOptions options = new MqttConnectOptions();
      options.setCleanSession(true);
      // publishing 200 messages in a loop, paho's synchronous client now and then failed with
      // "Too many publishes in progress" against its default limit of 10 in flight
      options.setMaxInflight(1_000);
      publisher.connect(options);
    }
    return publisher;
  }

  private void closePublisher() {
    if (publisher != null) {
      try {
        if (publisher.isConnected()) {
          publisher.disconnect(1_000);
        }
        publisher.close(true);
      } catch (MqttException ignored) {
        // the broker may already be gone
      }
      publisher = null;
    }
  }

  @Override
  public void close() {
    stop();
  }
}
