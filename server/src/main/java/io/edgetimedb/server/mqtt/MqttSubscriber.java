package io.edgetimedb.server.mqtt;

import io.edgetimedb.engine.write.PointBatch;
import io.edgetimedb.engine.write.WriteResult;
import io.edgetimedb.server.Endpoint;
import io.edgetimedb.server.Server;
import java.lang.System.Logger;
import java.util.function.LongSupplier;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;

/**
 * The MQTT endpoint: subscribes to {@code mqtt.topics} on {@code mqtt.broker} and writes what
 * arrives into the database, one {@code Database.write} per message, with source {@code
 * mqtt:<topic>} so the schema history shows which sensor's topic created what. Plugged into the
 * server as {@code MqttSubscriber::start}; without a broker configured it does not start.
 *
 * <p><b>Acknowledgement.</b> A QoS 1 message is acknowledged only after its write returned, so a
 * crash (or a failed write) before that means the broker delivers it again: at least once, never
 * lost; a redelivered message rewrites the same points, which the engine keeps once (same series,
 * timestamp and field keep the last write) when they carry their own timestamps. A message whose
 * payload is bad is acknowledged too: delivering it again would not make it better. Bad payloads
 * are counted in {@link #statistics()} and logged at most once per {@code mqtt.error-log-interval}.
 */
public final class MqttSubscriber implements Endpoint {
  private static final Logger LOG = System.getLogger(MqttSubscriber.class.getName());

  /** Where a message's points go: {@code Database.write}, or a stand-in in tests. */
  @FunctionalInterface
  interface PointWriter {
    WriteResult write(PointBatch batch);
  }

  private final MqttConfig config;
  private final PointWriter writer;
  private final LongSupplier clock;
  private final MessageDecoder decoder;
  private final MqttStatistics statistics = new MqttStatistics();
  private final ThrottledLog errors;
  /** Reused for every message; only paho's one callback thread touches it. */
  private final PointBatch batch = new PointBatch();
  private final BrokerConnection connection;

  private MqttSubscriber(MqttConfig config, PointWriter writer, LongSupplier clock) throws MqttException {
    this.config = config;
    this.writer = writer;
    this.clock = clock;
    this.decoder = MessageDecoder.of(config);
    this.errors = new ThrottledLog(LOG, config.errorLogIntervalMillis(), System::currentTimeMillis);
    this.connection = new BrokerConnection(config, this::handle, statistics, LOG);
  }

  /**
   * The {@link io.edgetimedb.server.EndpointFactory}: starts subscribing to the broker the
   * server's settings name, or returns null (no endpoint) when {@code mqtt.broker} is empty.
   * Returns before the first connection is made; a broker that is down is retried with back-off.
   *
   * @throws IllegalArgumentException when the MQTT settings do not fit together
   * @throws MqttException when the broker URI or client id is malformed
   */
  public static Endpoint start(Server server) throws MqttException {
    MqttConfig config = MqttConfig.from(server.settings());
    if (!config.enabled()) {
      return null;
    }
    MqttSubscriber subscriber = start(config, server.database()::write, System::currentTimeMillis);
    MqttMeters.bind(subscriber.statistics, server.metrics().registry());
    return subscriber;
  }

  static MqttSubscriber start(MqttConfig config, PointWriter writer, LongSupplier clock) throws MqttException {
    MqttSubscriber subscriber = new MqttSubscriber(config, writer, clock);
    subscriber.connection.start();
    return subscriber;
  }

  /** Counters for operators (and /metrics). */
  public MqttStatistics statistics() {
    return statistics;
  }

  @Override
  public String address() {
    return "mqtt=" + config.broker();
  }

  /**
   * One message: decode, write, count, acknowledge. Throws only when the write failed, which
   * leaves the message unacknowledged and makes the connection start over (see {@link BrokerConnection}).
   */
  private void handle(String topic, MqttMessage message) throws MqttException {
    statistics.received();
    batch.clear();
    batch.source("mqtt:" + topic).receivedAt(clock.getAsLong());
    // points without a time are stamped by the database's clock policy, against the receive time
    PayloadResult decoded = decoder.decode(topic, message.getPayload(), PointBatch.NO_TIMESTAMP, batch);
    int refused = decoded.refused();
    String firstError = decoded.firstError();
    if (batch.size() > 0) {
      WriteResult written = write(topic);
      statistics.written(written.accepted());
      refused += written.rejected().size();
      if (firstError == null && !written.rejected().isEmpty()) {
        firstError = written.rejected().get(0).toString();
      }
    }
    if (refused > 0) {
      String error = topic + ": " + firstError;
      statistics.rejected(refused, error);
      errors.warn("MQTT message on " + error + (refused > 1 ? " (" + refused + " refused in this message)" : ""));
    }
    connection.acknowledge(message);
  }

  private WriteResult write(String topic) {
    try {
      return writer.write(batch);
    } catch (RuntimeException e) {
      String error = topic + ": write failed, message not acknowledged: " + e;
      statistics.writeFailed(error);
      errors.warn("MQTT message on " + error);
      throw e;
    } finally {
      batch.clear();
    }
  }

  /** Stops receiving; the message being written finishes and is acknowledged first. */
  @Override
  public void close() throws MqttException, InterruptedException {
    connection.close();
  }
}
