package io.edgetimedb.server.mqtt;

import io.edgetimedb.engine.settings.Setting;
import io.edgetimedb.engine.settings.SettingsRegistry;
import java.util.List;

/**
 * The MQTT subscriber's settings, defined in the server's one registry (so the configuration file
 * and {@code SHOW CONFIG} know them) by {@link io.edgetimedb.server.ServerSettings#define}. The
 * subscriber reads them once at start ({@link MqttConfig#from}); none changes at run time, because
 * a new broker, topic or mapping means a new connection. docs/mqtt.md explains them together.
 */
public final class MqttSettings {
  public static final String BROKER = "mqtt.broker";
  public static final String CLIENT_ID = "mqtt.client-id";
  public static final String TOPICS = "mqtt.topics";
  public static final String QOS = "mqtt.qos";
  public static final String USERNAME = "mqtt.username";
  public static final String PASSWORD = "mqtt.password";
  public static final String CLEAN_SESSION = "mqtt.clean-session";
  public static final String CONNECT_TIMEOUT = "mqtt.connect-timeout";
  public static final String KEEP_ALIVE = "mqtt.keep-alive";
  public static final String RECONNECT_MIN_DELAY = "mqtt.reconnect.min-delay";
  public static final String RECONNECT_MAX_DELAY = "mqtt.reconnect.max-delay";
  public static final String PAYLOAD = "mqtt.payload";
  public static final String PRECISION = "mqtt.precision";
  public static final String TOPIC_TAGS = "mqtt.topic-tags";
  public static final String MEASUREMENT = "mqtt.measurement";
  public static final String JSON_TIME_FIELD = "mqtt.json.time-field";
  public static final String JSON_TIME_UNIT = "mqtt.json.time-unit";
  public static final String JSON_TAG_FIELDS = "mqtt.json.tag-fields";
  public static final String ERROR_LOG_INTERVAL = "mqtt.error-log-interval";

  private MqttSettings() {}

  /** Adds the MQTT settings, at their defaults, to a registry. */
  public static void define(SettingsRegistry r) {
    r.define(Setting.text(BROKER, "", "URI of the MQTT broker to subscribe to, e.g. tcp://127.0.0.1:1883 or "
        + "ssl://host:8883; empty for no MQTT subscriber."));
    r.define(Setting.text(CLIENT_ID, "", "Client id at the broker; empty for edgetimedb-<host name>. A "
        + "persistent session belongs to this id, so keep it stable across restarts."));
    r.define(Setting.text(TOPICS, "", "Comma-separated topic filters to subscribe to (+ and # wildcards), "
        + "e.g. plant/+/+/+; required when mqtt.broker is set."));
    r.define(Setting.count(QOS, 1, "QoS of the subscriptions: 0 (at most once) or 1 (at least once: a "
        + "message is acknowledged only after its points are written).").range(0, 1));
    r.define(Setting.text(USERNAME, "", "User name at the broker; empty for none."));
    r.define(Setting.text(PASSWORD, "", "Password of mqtt.username.").masked());
    r.define(Setting.flag(CLEAN_SESSION, false, "Start a new session at every connect; false keeps a "
        + "persistent session, so QoS 1 messages published while the server was away are delivered."));
    r.define(Setting.duration(CONNECT_TIMEOUT, 10_000, "How long one connection attempt may take.")
        .range(1_000, 3_600_000));
    r.define(Setting.duration(KEEP_ALIVE, 30_000, "Keep-alive interval: a silent broker connection is "
        + "declared lost after about 1.5 times this.").range(1_000, 3_600_000));
    r.define(Setting.duration(RECONNECT_MIN_DELAY, 1_000, "Wait before the first reconnection attempt; "
        + "each failed attempt doubles it (with random jitter) up to mqtt.reconnect.max-delay.")
        .range(1, 86_400_000));
    r.define(Setting.duration(RECONNECT_MAX_DELAY, 60_000, "Longest wait between reconnection attempts.")
        .range(1, 86_400_000));
    r.define(Setting.choice(PAYLOAD, "auto", List.of("auto", "line-protocol", "json"), "How payloads are "
        + "read: auto looks at the first non-blank byte ({ or [ is JSON, anything else line protocol)."));
    r.define(Setting.choice(PRECISION, "ns", List.of("ns", "us", "ms", "s"), "Unit of the timestamps in "
        + "line-protocol payloads."));
    r.define(Setting.text(TOPIC_TAGS, "", "Template that turns topic levels into tags, e.g. "
        + "plant/{site}/{line}/{sensor}; {measurement} names the measurement, other levels are ignored; "
        + "empty for no tags from the topic."));
    r.define(Setting.text(MEASUREMENT, "mqtt", "Measurement of JSON points when mqtt.topic-tags has no "
        + "{measurement} level."));
    r.define(Setting.text(JSON_TIME_FIELD, "ts", "JSON key holding a point's time; a point without it "
        + "takes the time the message was received."));
    r.define(Setting.choice(JSON_TIME_UNIT, "ms", List.of("ms", "s", "us", "ns", "iso"), "Unit of numeric "
        + "JSON times (epoch ms, s, us or ns); iso expects ISO-8601 strings such as 2024-05-01T12:00:00.250Z."));
    r.define(Setting.text(JSON_TAG_FIELDS, "", "Comma-separated JSON keys (dotted for nested objects) whose "
        + "values become tags; every other number, boolean or string becomes a field."));
    r.define(Setting.duration(ERROR_LOG_INTERVAL, 10_000, "Bad payloads are logged at most once per this "
        + "interval (the rest are counted).").range(0, 86_400_000));
  }
}
