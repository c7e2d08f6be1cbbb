package io.edgetimedb.server.mqtt;

import io.edgetimedb.engine.write.PendingWrite;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.eclipse.paho.client.mqttv3.MqttMessage;

/**
 * Acknowledges QoS 1 messages once what they wrote is on disk, in the order they arrived, with
 * one fsync wait for as many messages as are waiting. The callback thread writes a message
 * (applied at once, not yet durable) and queues it here; this object's thread takes every
 * message queued so far, waits once for the newest write to be durable, which covers the
 * others, and acknowledges them all. Waiting per message instead allowed one message per fsync
 * (about 4,000 per second on the test machine); now it is as many as the broker lets be
 * unacknowledged at once.
 *
 * <p>MQTT wants acknowledgements in the order the messages arrived, which one thread taking
 * them in queue order gives. A message that arrived on an earlier connection is not acknowledged
 * on a later one (its packet id belongs to the old connection): the broker delivers it again.
 * When the wait fails (the log could not be forced to disk) nothing of what was waiting is
 * acknowledged and {@code onFailure} drops the connection, so the broker delivers it all again.
 */
final class DurableAcknowledgements implements AutoCloseable {
  /** One message waiting for its write (0 when it wrote nothing) and the connection it came on. */
  private record Waiting(MqttMessage message, PendingWrite write, long connection) {}

  /** Sends a message's acknowledgement if it came on the current connection. */
  @FunctionalInterface
  interface Acknowledger {
    void acknowledge(MqttMessage message, long connection) throws Exception;
  }

  private static final int CAPACITY = 4_096;

  private final BlockingQueue<Waiting> queue = new ArrayBlockingQueue<>(CAPACITY);
  private final Consumer<PendingWrite> awaitDurable;
  private final Acknowledger acknowledger;
  private final Consumer<Exception> onFailure;
  private final Thread thread;
  private final AtomicLong queued = new AtomicLong();
  /** Messages acknowledged or given up; guarded by this, which is notified when it grows. */
  private long finished;
  private volatile boolean closed;

  /**
   * @param awaitDurable waits until a write and every one before it are durable, or throws
   * @param acknowledger sends an acknowledgement
   * @param onFailure told when a wait failed; drops the connection
   */
  DurableAcknowledgements(Consumer<PendingWrite> awaitDurable, Acknowledger acknowledger,
      Consumer<Exception> onFailure) {
    this.awaitDurable = awaitDurable;
    this.acknowledger = acknowledger;
    this.onFailure = onFailure;
    this.thread = new Thread(this::run, "edgetimedb-mqtt-acknowledge");
    this.thread.setDaemon(true);
    this.thread.start();
  }

  /** Queues a message written by {@code write}; blocks while the queue is full. */
  void add(MqttMessage message, PendingWrite write, long connection) throws InterruptedException {
    queue.put(new Waiting(message, write, connection));
    queued.incrementAndGet();
  }

  private void run() {
    List<Waiting> batch = new ArrayList<>();
    while (!closed) {
      try {
        Waiting first = queue.poll(100, TimeUnit.MILLISECONDS);
        if (first == null) {
          continue;
        }
        batch.add(first);
        queue.drainTo(batch);
        acknowledgeWhenDurable(batch);
        synchronized (this) {
          finished += batch.size();
          notifyAll();
        }
        batch.clear();
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private void acknowledgeWhenDurable(List<Waiting> batch) {
    try {
      awaitDurable.accept(newestWrite(batch));
    } catch (RuntimeException e) {
      onFailure.accept(e);
      return;
    }
    for (Waiting waiting : batch) {
      try {
        acknowledger.acknowledge(waiting.message(), waiting.connection());
      } catch (Exception e) {
        onFailure.accept(e);
        return;
      }
    }
  }

  private static PendingWrite newestWrite(List<Waiting> batch) {
    PendingWrite newest = batch.get(0).write();
    for (Waiting waiting : batch) {
      if (waiting.write().logSequence() > newest.logSequence()) {
        newest = waiting.write();
      }
    }
    return newest;
  }

  /** Waits until every message queued so far is acknowledged or given up, at most {@code millis}. */
  synchronized boolean drain(long millis) throws InterruptedException {
    long target = queued.get();
    long end = System.currentTimeMillis() + millis;
    while (finished < target) {
      long left = end - System.currentTimeMillis();
      if (left <= 0) {
        return false;
      }
      wait(left);
    }
    return true;
  }

  /**
   * Stops the thread once it finished the messages in hand; messages still queued stay
   * unacknowledged, and the broker delivers them again.
   */
  @Override
  public void close() throws InterruptedException {
    closed = true;
    thread.join();
  }
}
