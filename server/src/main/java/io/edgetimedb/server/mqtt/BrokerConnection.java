package io.edgetimedb.server.mqtt;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/**
 * The subscriber's connection to the broker and its life: connect, subscribe, notice the loss,
 * wait ({@link ReconnectBackoff}), connect again, until closed. Attempts run on one scheduler
 * thread, so two never overlap; messages arrive on paho's callback thread, one at a time, and are
 * acknowledged later ({@link #acknowledge}), once what they wrote is durable, with the number of
 * the connection they came on.
 *
 * <p><b>Subscriptions.</b> The first connection of this process always subscribes, because the
 * configured topics may differ from those of a session kept from an earlier run. After a
 * reconnection it subscribes only when the broker has no session for us (clean sessions, a broker
 * that restarted without persistence, an expired session): subscribing again to a kept session
 * would make the broker resend every retained message, which would be written twice.
 *
 * <p><b>Why a failed handler drops the connection.</b> When the handler throws (the database could
 * not write), paho closes the connection and the message stays unacknowledged; after the
 * reconnection a persistent session gets it again. Acknowledging or skipping it instead would lose it.
 */
final class BrokerConnection implements AutoCloseable {
  /** Receives each message on paho's callback thread; acknowledges it or throws. */
  interface MessageHandler {
    void handle(String topic, MqttMessage message) throws Exception;
  }

  private static final long CLOSE_WAIT_MILLIS = 5_000;

  private final MqttConfig config;
  private final MqttAsyncClient client;
  private final MqttConnectOptions options;
  private final ScheduledExecutorService attempts;
  private final ReconnectBackoff backoff;
  private final MqttStatistics statistics;
  private final Logger log;
  private volatile boolean closed;
  /** Counts connection attempts; set before connecting, so every message is tagged with its connection. */
  private volatile long connectionNumber;
  private boolean subscribedOnce;
  /** The scheduled attempt, so a loss noticed twice (failed subscribe and lost connection) schedules one. */
  private ScheduledFuture<?> nextAttempt;

  BrokerConnection(MqttConfig config, MessageHandler handler, MqttStatistics statistics, Logger log)
      throws MqttException {
    this.config = config;
    this.statistics = statistics;
    this.log = log;
    // The subscriber publishes nothing, and unacknowledged QoS 1 messages wait at the broker
    // (persistent session), so there is no client state worth a file.
    this.client = new MqttAsyncClient(config.broker(), config.clientId(), new MemoryPersistence());
    this.client.setManualAcks(true);
    this.client.setCallback(new Callbacks(handler));
    this.options = options(config);
    this.backoff = new ReconnectBackoff(config.reconnectMinMillis(), config.reconnectMaxMillis(),
        () -> ThreadLocalRandom.current().nextDouble());
    this.attempts = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "edgetimedb-mqtt-connect");
      t.setDaemon(true);
      return t;
    });
  }

  private static MqttConnectOptions options(MqttConfig config) {
    MqttConnectOptions o = new MqttConnectOptions();
    o.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
    o.setCleanSession(config.cleanSession());
    o.setAutomaticReconnect(false);
    o.setConnectionTimeout(seconds(config.connectTimeoutMillis()));
    o.setKeepAliveInterval(seconds(config.keepAliveMillis()));
    if (!config.username().isEmpty()) {
      o.setUserName(config.username());
      o.setPassword(config.password().toCharArray());
    }
    return o;
  }

  private static int seconds(long millis) {
    return (int) Math.max(1, Math.min(Integer.MAX_VALUE, (millis + 999) / 1000));
  }

  /** Starts connecting in the background; returns at once, so a broker that is down does not block the server. */
  void start() {
    attempts.execute(this::attempt);
  }

  /** The number of the connection being made or held; messages arriving now came on it. */
  long connectionNumber() {
    return connectionNumber;
  }

  /**
   * Tells the broker a QoS 1 message that came on connection {@code number} is done with. A
   * message of an earlier connection is left alone: its packet id meant something only there,
   * and the broker delivers it again. QoS 0 messages need nothing.
   */
  void acknowledge(MqttMessage message, long number) throws MqttException {
    if (message.getQos() == 0 || number != connectionNumber) {
      return;
    }
    try {
      client.messageArrivedComplete(message.getId(), message.getQos());
    } catch (MqttException e) {
      if (number == connectionNumber && client.isConnected()) {
        throw e;
      }
      // the connection went away meanwhile; the broker delivers the message again
    }
  }

  /**
   * Gives up the current connection because what arrived on it cannot be acknowledged (the
   * database could not make it durable), and connects again later.
   */
  void drop(String why) {
    if (closed || !client.isConnected()) {
      return;
    }
    dropQuietly();
    statistics.connectionLost(why);
    retryLater(why);
  }

  private void attempt() {
    synchronized (this) {
      nextAttempt = null;
    }
    if (closed || client.isConnected()) {
      return;
    }
    connectionNumber++;
    try {
      IMqttToken token = client.connect(options);
      token.waitForCompletion(config.connectTimeoutMillis() + 1_000);
      boolean sessionPresent = token.getSessionPresent();
      if (!subscribedOnce || !sessionPresent) {
        subscribe();
      }
      subscribedOnce = true;
      backoff.reset();
      statistics.connected(true);
      log.log(Level.INFO, "MQTT connected to " + config.broker() + " as " + config.clientId()
          + (sessionPresent ? " (session kept)" : "") + ", topics " + config.topics());
    } catch (MqttException | RuntimeException e) {
      dropQuietly();
      retryLater("cannot connect to " + config.broker() + ": " + describe(e));
    }
  }

  private void subscribe() throws MqttException {
    String[] filters = config.topics().toArray(String[]::new);
    int[] qos = new int[filters.length];
    Arrays.fill(qos, config.qos());
    IMqttToken token = client.subscribe(filters, qos);
    token.waitForCompletion(config.connectTimeoutMillis() + 1_000);
    int[] granted = token.getGrantedQos();
    for (int i = 0; i < granted.length && i < filters.length; i++) {
      if (granted[i] == 0x80) {
        log.log(Level.ERROR, "MQTT broker refused the subscription to " + filters[i]);
      }
    }
  }

  private synchronized void retryLater(String why) {
    if (closed || nextAttempt != null) {
      return;
    }
    long delay = backoff.nextDelayMillis();
    log.log(Level.WARNING, "MQTT " + why + "; next attempt in " + delay + " ms");
    try {
      nextAttempt = attempts.schedule(this::attempt, delay, TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // closed meanwhile
    }
  }

  /** After a failed attempt the client may be half connected (connected, subscription failed). */
  private void dropQuietly() {
    try {
      if (client.isConnected()) {
        client.disconnectForcibly(0, 1_000, false);
      }
    } catch (MqttException | RuntimeException ignored) {
      // it is being dropped anyway
    }
  }

  private static String describe(Throwable e) {
    if (e == null) {
      return "no reason given";
    }
    Throwable cause = e.getCause();
    return e.getMessage() + (cause != null && cause != e ? " (" + cause + ")" : "");
  }

  /**
   * Stops reconnecting and disconnects, letting the message being handled finish (its write and
   * acknowledgement) first. Must not be called from the message handler.
   */
  @Override
  public void close() throws MqttException, InterruptedException {
    closed = true;
    attempts.shutdownNow();
    attempts.awaitTermination(CLOSE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
    try {
      if (client.isConnected()) {
        client.disconnect(CLOSE_WAIT_MILLIS).waitForCompletion(CLOSE_WAIT_MILLIS + 1_000);
      }
    } catch (MqttException e) {
      client.disconnectForcibly(0, 1_000, false);
    } finally {
      statistics.connected(false);
      client.close(true);
    }
  }

  private final class Callbacks implements MqttCallback {
    private final MessageHandler handler;

    Callbacks(MessageHandler handler) {
      this.handler = handler;
    }

    @Override
    public void connectionLost(Throwable cause) {
      statistics.connectionLost("connection to " + config.broker() + " lost: " + describe(cause));
      retryLater("connection to " + config.broker() + " lost: " + describe(cause));
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) throws Exception {
      handler.handle(topic, message);
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
      // the subscriber publishes nothing
    }
  }
}
