package io.edgetimedb.server.mqtt;

import io.edgetimedb.engine.lineprotocol.Precision;
import io.edgetimedb.engine.settings.SettingsRegistry;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The values the subscriber runs with, read from the registry once at start and checked together
 * (what a single setting cannot check: topics required with a broker, min delay not above max).
 */
public record MqttConfig(String broker, String clientId, List<String> topics, int qos, String username,
    String password, boolean cleanSession, long connectTimeoutMillis, long keepAliveMillis,
    long reconnectMinMillis, long reconnectMaxMillis, PayloadFormat payload, Precision precision,
    TopicTemplate topicTags, String measurement, String jsonTimeField, JsonTimeUnit jsonTimeUnit,
    Set<String> jsonTagFields, long errorLogIntervalMillis) {

  public MqttConfig {
    topics = List.copyOf(topics);
    jsonTagFields = Set.copyOf(jsonTagFields);
    if (!broker.isEmpty() && topics.isEmpty()) {
      throw new IllegalArgumentException(MqttSettings.TOPICS + " is empty: name the topic filters to subscribe "
          + "to, e.g. plant/+/+/+");
    }
    if (reconnectMinMillis > reconnectMaxMillis) {
      throw new IllegalArgumentException(MqttSettings.RECONNECT_MIN_DELAY + " is longer than "
          + MqttSettings.RECONNECT_MAX_DELAY);
    }
  }

  /**
   * Reads the MQTT settings.
   *
   * @throws IllegalArgumentException naming the setting when values do not fit together or the
   *     topic template is malformed
   */
  public static MqttConfig from(SettingsRegistry s) {
    String clientId = s.stringValue(MqttSettings.CLIENT_ID);
    return new MqttConfig(s.stringValue(MqttSettings.BROKER).strip(),
        clientId.isBlank() ? defaultClientId() : clientId.strip(),
        commaSeparated(s.stringValue(MqttSettings.TOPICS)), (int) s.longValue(MqttSettings.QOS),
        s.stringValue(MqttSettings.USERNAME), s.stringValue(MqttSettings.PASSWORD),
        s.booleanValue(MqttSettings.CLEAN_SESSION), s.longValue(MqttSettings.CONNECT_TIMEOUT),
        s.longValue(MqttSettings.KEEP_ALIVE), s.longValue(MqttSettings.RECONNECT_MIN_DELAY),
        s.longValue(MqttSettings.RECONNECT_MAX_DELAY), PayloadFormat.of(s.stringValue(MqttSettings.PAYLOAD)),
        Precision.fromQueryParameter(s.stringValue(MqttSettings.PRECISION)),
        TopicTemplate.parse(s.stringValue(MqttSettings.TOPIC_TAGS)), s.stringValue(MqttSettings.MEASUREMENT).strip(),
        s.stringValue(MqttSettings.JSON_TIME_FIELD).strip(),
        JsonTimeUnit.of(s.stringValue(MqttSettings.JSON_TIME_UNIT)),
        Set.copyOf(commaSeparated(s.stringValue(MqttSettings.JSON_TAG_FIELDS))),
        s.longValue(MqttSettings.ERROR_LOG_INTERVAL));
  }

  /** Whether a broker is configured, i.e. whether the subscriber runs at all. */
  public boolean enabled() {
    return !broker.isEmpty();
  }

  /** {@code edgetimedb-<host>}: stable across restarts of one box, distinct between boxes. */
  static String defaultClientId() {
    try {
      return "edgetimedb-" + InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return "edgetimedb-" + System.getenv().getOrDefault("HOSTNAME", "server");
    }
  }

  static List<String> commaSeparated(String text) {
    return Arrays.stream(text.split(",")).map(String::strip).filter(t -> !t.isEmpty())
        .collect(Collectors.toUnmodifiableList());
  }

  @Override
  public String toString() {
    return "MqttConfig[broker=" + broker + ", clientId=" + clientId + ", topics=" + topics + ", qos=" + qos + "]";
  }
}
