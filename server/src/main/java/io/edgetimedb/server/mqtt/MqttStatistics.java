package io.edgetimedb.server.mqtt;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of one subscriber, for operators (and for /metrics once that exists): read from any
 * thread, written by the subscriber. Plain monotonic counters, so a metrics registry can expose
 * them as they are.
 */
public final class MqttStatistics {
  private final AtomicLong messagesReceived = new AtomicLong();
  private final AtomicLong messagesRejected = new AtomicLong();
  private final AtomicLong pointsWritten = new AtomicLong();
  private final AtomicLong pointsRejected = new AtomicLong();
  private final AtomicLong writeFailures = new AtomicLong();
  private final AtomicLong connects = new AtomicLong();
  private final AtomicLong connectionsLost = new AtomicLong();
  private volatile boolean connected;
  private volatile String lastError;

  /** Messages that arrived, good or bad. */
  public long messagesReceived() {
    return messagesReceived.get();
  }

  /** Messages with at least one refused point or line, or that could not be read at all. */
  public long messagesRejected() {
    return messagesRejected.get();
  }

  /** Points the database accepted. */
  public long pointsWritten() {
    return pointsWritten.get();
  }

  /** Points, lines and array elements refused by a payload mapper or by the database. */
  public long pointsRejected() {
    return pointsRejected.get();
  }

  /** Messages whose write failed (storage error): not acknowledged, so the broker delivers them again. */
  public long writeFailures() {
    return writeFailures.get();
  }

  /** Successful connections to the broker, the first one included. */
  public long connects() {
    return connects.get();
  }

  /** Connections lost (broker gone, network down, write failure), each followed by reconnection attempts. */
  public long connectionsLost() {
    return connectionsLost.get();
  }

  public boolean connected() {
    return connected;
  }

  /** The latest problem, {@code <topic>: <where>: <why>}, or null. */
  public String lastError() {
    return lastError;
  }

  void received() {
    messagesReceived.incrementAndGet();
  }

  void written(int points) {
    pointsWritten.addAndGet(points);
  }

  /** A message with {@code points} refused points (at least one), the first for {@code error}. */
  void rejected(int points, String error) {
    messagesRejected.incrementAndGet();
    pointsRejected.addAndGet(points);
    lastError = error;
  }

  void writeFailed(String error) {
    writeFailures.incrementAndGet();
    lastError = error;
  }

  void connected(boolean now) {
    if (now) {
      connects.incrementAndGet();
    }
    connected = now;
  }

  void connectionLost(String error) {
    connectionsLost.incrementAndGet();
    connected = false;
    lastError = error;
  }

  @Override
  public String toString() {
    return "received=" + messagesReceived() + " written-points=" + pointsWritten() + " rejected-messages="
        + messagesRejected() + " rejected-points=" + pointsRejected() + " write-failures=" + writeFailures()
        + " connected=" + connected + " connects=" + connects() + " lost=" + connectionsLost();
  }
}
