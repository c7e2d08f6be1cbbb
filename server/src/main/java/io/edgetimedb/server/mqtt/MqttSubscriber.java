package io.edgetimedb.server.mqtt;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.write.PendingWrite;
import io.edgetimedb.engine.write.PointBatch;
import io.edgetimedb.engine.write.WriteResult;
import io.edgetimedb.server.Endpoint;
import io.edgetimedb.server.Server;
import java.lang.System.Logger;
import java.util.List;
import java.util.function.LongSupplier;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;

/**
 * The MQTT endpoint: subscribes to {@code mqtt.topics} on {@code mqtt.broker} and writes what
 * arrives into the database, one {@code Database.write} per message, with source {@code
 * mqtt:<topic>} so the schema history shows which sensor's topic created what. Plugged into the
 * server as {@code MqttSubscriber::start}; without a broker configured it does not start.
 *
 * <p><b>Acknowledgement.</b> A QoS 1 message is acknowledged only after its points are durable
 * ({@link DurableAcknowledgements}: one fsync wait for all the messages written meanwhile), so a
 * crash (or a failed write) before that means the broker delivers it again: at least once, never
 * lost; a redelivered message rewrites the same points, which the engine keeps once (same series,
 * timestamp and field keep the last write) when they carry their own timestamps. A message whose
 * payload is bad is acknowledged too, in its turn: delivering it again would not make it better.
 * Bad payloads are counted in {@link #statistics()} and logged at most once per {@code
 * mqtt.error-log-interval}.
 */
public final class MqttSubscriber implements Endpoint {
  private static final Logger LOG = System.getLogger(MqttSubscriber.class.getName());

  /** Where a message's points go: the database, or a stand-in in tests. */
  interface PointWriter {
    /** Logs and applies the points; they need not be durable yet. */
    PendingWrite write(PointBatch batch);

    /** Waits until the write, and every one before it, is durable. */
    void awaitDurable(PendingWrite write);

    static PointWriter of(Database db) {
      return new PointWriter() {
        @Override
        public PendingWrite write(PointBatch batch) {
          return db.writePending(batch);
        }

        @Override
        public void awaitDurable(PendingWrite write) {
          db.awaitDurable(write);
        }
      };
    }
  }

  private static final long CLOSE_WAIT_MILLIS = 5_000;
  private static final PendingWrite NOTHING_WRITTEN = new PendingWrite(new WriteResult(0, List.of()), 0);

  private final MqttConfig config;
  private final PointWriter writer;
  private final LongSupplier clock;
  private final MessageDecoder decoder;
  private final MqttStatistics statistics = new MqttStatistics();
  private final ThrottledLog errors;
  /** Reused for every message; only paho's one callback thread touches it. */
  private final PointBatch batch = new PointBatch();
  private final BrokerConnection connection;
  private final DurableAcknowledgements acknowledgements;

  private MqttSubscriber(MqttConfig config, PointWriter writer, LongSupplier clock) throws MqttException {
    this.config = config;
    this.writer = writer;
    this.clock = clock;
    this.decoder = MessageDecoder.of(config);
    this.errors = new ThrottledLog(LOG, config.errorLogIntervalMillis(), System::currentTimeMillis);
    this.connection = new BrokerConnection(config, this::handle, statistics, LOG);
    this.acknowledgements = new DurableAcknowledgements(writer::awaitDurable, connection::acknowledge,
        e -> connection.drop("messages written but not made durable, so not acknowledged: " + e));
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
    MqttSubscriber subscriber = start(config, PointWriter.of(server.database()), System::currentTimeMillis);
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
   * One message: decode, write, count, queue for acknowledgement. Throws only when the write
   * failed, which leaves the message unacknowledged and makes the connection start over (see
   * {@link BrokerConnection}).
   */
  private void handle(String topic, MqttMessage message) throws InterruptedException {
    long arrivedOn = connection.connectionNumber();
    statistics.received();
    batch.clear();
    batch.source("mqtt:" + topic).receivedAt(clock.getAsLong());
    // points without a time are stamped by the database's clock policy, against the receive time
    PayloadResult decoded = decoder.decode(topic, message.getPayload(), PointBatch.NO_TIMESTAMP, batch);
    int refused = decoded.refused();
    String firstError = decoded.firstError();
    PendingWrite pending = NOTHING_WRITTEN;
    if (batch.size() > 0) {
      pending = write(topic);
      WriteResult written = pending.result();
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
    if (message.getQos() > 0) {
      acknowledgements.add(message, pending, arrivedOn);
    }
  }

  private PendingWrite write(String topic) {
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

  /**
   * Stops receiving; the messages written so far are acknowledged first (for up to 5 s), so a
   * persistent session does not deliver them again.
   */
  @Override
  public void close() throws MqttException, InterruptedException {
    acknowledgements.drain(CLOSE_WAIT_MILLIS);
    try {
      connection.close();
    } finally {
      acknowledgements.close();
    }
  }
}
