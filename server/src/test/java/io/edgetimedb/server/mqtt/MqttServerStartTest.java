package io.edgetimedb.server.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgetimedb.testsupport.StoredRows;
import io.edgetimedb.engine.settings.SettingsRegistry;
import io.edgetimedb.server.Server;
import io.edgetimedb.server.ServerSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The subscriber as the server command starts it: through {@code Server.start} and the settings registry. */
class MqttServerStartTest {
  @TempDir
  Path dir;

  private SettingsRegistry settings() {
    SettingsRegistry settings = ServerSettings.registry();
    settings.set(ServerSettings.DATA_DIRECTORY, dir.resolve("data").toString(), "test");
    return settings;
  }

  @Test
  void withABrokerTheReadyLineShowsItAndMessagesAreWrittenToTheDurableDatabase() throws Exception {
    try (EmbeddedBroker broker = EmbeddedBroker.start(dir.resolve("broker"))) {
      SettingsRegistry settings = settings();
      settings.set(MqttSettings.BROKER, broker.uri(), "file:test.conf");
      settings.set(MqttSettings.TOPICS, "plant/+/+", "file:test.conf");
      settings.set(MqttSettings.TOPIC_TAGS, "plant/{site}/{sensor}", "file:test.conf");
      settings.set(MqttSettings.CLIENT_ID, "edge-server-test", "file:test.conf");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      Server server = Server.start(settings, List.of(MqttSubscriber::start), new PrintStream(out, true));
      try {
        assertThat(server.readyLine()).isEqualTo("ready data=" + server.dataDirectory() + " mqtt=" + broker.uri());
        MqttSubscriber subscriber = (MqttSubscriber) server.endpoints().get(0);
        assertThat(StoredRows.await(() -> subscriber.statistics().connected(), 10_000)).isTrue();
        broker.publish("plant/A/t1", "{\"ts\":1714564800000,\"temp\":21.5}", 1);
        assertThat(StoredRows.await(() -> subscriber.statistics().pointsWritten() == 1, 10_000)).isTrue();
        assertThat(StoredRows.of(server.database(), "mqtt")).containsExactly("1714564800000 sensor=t1,site=A temp=21.5");
        assertThat(server.metrics().scrape()).contains("edgetimedb_mqtt_points_written_total 1.0")
            .contains("edgetimedb_mqtt_connected 1.0");
      } finally {
        server.stop();
      }
      assertThat(out.toString(StandardCharsets.UTF_8)).contains("stopped mqtt=" + broker.uri());
    }
  }

  @Test
  void withoutABrokerThereIsNoSubscriberAndTheReadyLineIsUnchanged() throws Exception {
    Server server = Server.start(settings(), List.of(MqttSubscriber::start), new PrintStream(new ByteArrayOutputStream()));
    try {
      assertThat(server.endpoints()).isEmpty();
      assertThat(server.readyLine()).isEqualTo("ready data=" + server.dataDirectory());
    } finally {
      server.stop();
    }
  }

  @Test
  void settingsThatDoNotFitTogetherStopTheStart() {
    SettingsRegistry settings = settings();
    settings.set(MqttSettings.BROKER, "tcp://127.0.0.1:1", "test");
    assertThatThrownBy(() -> Server.start(settings, List.of(MqttSubscriber::start),
        new PrintStream(new ByteArrayOutputStream()))).hasMessageContaining("mqtt.topics is empty");
    settings.set(MqttSettings.TOPICS, "a/#", "test");
    settings.set(MqttSettings.RECONNECT_MIN_DELAY, "2m", "test");
    assertThatThrownBy(() -> Server.start(settings, List.of(MqttSubscriber::start),
        new PrintStream(new ByteArrayOutputStream()))).hasMessageContaining("mqtt.reconnect.min-delay is longer");
    settings.set(MqttSettings.RECONNECT_MIN_DELAY, "1s", "test");
    settings.set(MqttSettings.BROKER, "not a uri", "test");
    assertThatThrownBy(() -> Server.start(settings, List.of(MqttSubscriber::start),
        new PrintStream(new ByteArrayOutputStream()))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void theDefaultClientIdNamesTheHostAndSecretsAreMasked() {
    SettingsRegistry settings = settings();
    settings.set(MqttSettings.PASSWORD, "s3cret", "test");
    assertThat(MqttConfig.from(settings).clientId()).startsWith("edgetimedb-").hasSizeGreaterThan(11);
    assertThat(settings.display(MqttSettings.PASSWORD)).isEqualTo("********");
    assertThat(MqttConfig.from(settings).toString()).doesNotContain("s3cret");
  }
}
