package io.edgetimedb.server.simulation;

import io.edgetimedb.engine.lineprotocol.LineProtocolWriter;
import io.edgetimedb.engine.lineprotocol.Precision;
import io.edgetimedb.engine.write.PointBatch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * One MQTT message per reading, published on {@code plant/{site}/{line}/{sensor}} as a sensor
 * or its gateway would: the payload is the reading's line of line protocol (with its tags, so
 * it also reads right without a topic template) and a nanosecond timestamp, what the server's
 * subscriber expects by default ({@code mqtt.precision = ns}, template
 * {@code plant/{site}/{line}/{sensor}}; see docs/mqtt.md).
 *
 * <p>Publishes are asynchronous with up to {@value #MAX_IN_FLIGHT} unacknowledged at a time, so
 * QoS 1 and 2 do not cost a round trip per reading. A reading counts as delivered when paho
 * reports the publish complete (QoS 0: written to the socket; 1: PUBACK; 2: PUBCOMP). Paho
 * reconnects by itself after a lost connection; publishes meanwhile fail and are counted as
 * MQTT failures.
 */
final class MqttTarget implements SimulationTarget {
  static final int MAX_IN_FLIGHT = 1_000;
  private static final int CONNECT_TIMEOUT_SECONDS = 5;
  private static final long CLOSE_WAIT_MILLIS = 10_000;

  private final MqttAsyncClient client;
  private final int qos;
  private final DeliveryCounts counts;
  private final LineProtocolWriter writer = new LineProtocolWriter(Precision.NANOSECONDS);
  private final ByteArrayOutputStream payload = new ByteArrayOutputStream(256);
  private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
  private final IMqttActionListener outcome;
  private final String name;

  private MqttTarget(MqttAsyncClient client, int qos, DeliveryCounts counts, String name) {
    this.client = client;
    this.qos = qos;
    this.counts = counts;
    this.name = name;
    this.outcome = new IMqttActionListener() {
      @Override
      // counted before the permit goes back: close() takes every permit and then the report reads the counts
      public void onSuccess(IMqttToken token) {
        counts.delivered(1);
        inFlight.release();
      }

      @Override
      public void onFailure(IMqttToken token, Throwable failure) {
        counts.failed("MQTT failure", String.valueOf(failure), 1);
        inFlight.release();
      }
    };
  }

  /** Connects (clean session, a random client id) and fails when the broker cannot be reached. */
  static MqttTarget open(TargetAddress address, TargetOptions options, DeliveryCounts counts) throws IOException {
    String broker = "tcp://" + address.host() + ":" + address.port();
    try {
      MqttAsyncClient client = new MqttAsyncClient(broker, "edgetimedb-simulate-" + UUID.randomUUID(),
          new MemoryPersistence());
      MqttConnectOptions connect = new MqttConnectOptions();
      connect.setCleanSession(true);
      connect.setAutomaticReconnect(true);
      connect.setConnectionTimeout(CONNECT_TIMEOUT_SECONDS);
      connect.setMaxInflight(MAX_IN_FLIGHT);
      try {
        client.connect(connect).waitForCompletion(TimeUnit.SECONDS.toMillis(CONNECT_TIMEOUT_SECONDS + 1));
      } catch (MqttException e) {
        client.close(true);
        throw e;
      }
      return new MqttTarget(client, options.qos(), counts, address + " (QoS " + options.qos() + ")");
    } catch (MqttException e) {
      throw new IOException("cannot connect to the MQTT broker " + broker + ": " + describe(e), e);
    }
  }

  private static String describe(MqttException e) {
    return e.getCause() != null ? e.getMessage() + " (" + e.getCause() + ")" : e.getMessage();
  }

  /** The topic a reading is published on: {@code plant/{site}/{line}/{sensor}}. */
  static String topic(PointBatch batch, int p) {
    return "plant/" + PointTags.value(batch, p, "site") + "/" + PointTags.value(batch, p, "line") + "/"
        + PointTags.sensor(batch, p);
  }

  @Override
  public void send(PointBatch points) {
    for (int p = 0; p < points.size(); p++) {
      payload.reset();
      writer.write(points, p, payload);
      publish(topic(points, p), payload.toByteArray());
    }
  }

  private void publish(String topic, byte[] message) {
    try {
      inFlight.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      counts.failed("interrupted", "the run was interrupted", 1);
      return;
    }
    try {
      client.publish(topic, message, qos, false, null, outcome);
    } catch (MqttException e) {
      inFlight.release();
      counts.failed("MQTT failure", describe(e), 1);
    }
  }

  /** Nothing is buffered here: paho sends each publish at once. */
  @Override
  public void flush() {}

  /** Waits (at most {@value #CLOSE_WAIT_MILLIS} ms) until every publish is acknowledged, then disconnects. */
  @Override
  public void close() {
    try {
      if (inFlight.tryAcquire(MAX_IN_FLIGHT, CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS)) {
        inFlight.release(MAX_IN_FLIGHT);
      } else {
        int missing = MAX_IN_FLIGHT - inFlight.availablePermits();
        counts.failed("MQTT failure", missing + " publishes not acknowledged within " + CLOSE_WAIT_MILLIS + " ms",
            missing);
      }
      if (client.isConnected()) {
        client.disconnect().waitForCompletion(CLOSE_WAIT_MILLIS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (MqttException e) {
      // disconnecting from a broker that is already gone: the counts say what was lost
    } finally {
      try {
        client.close(true);
      } catch (MqttException ignored) {
        // closing is best effort at the end of the run
      }
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
