package io.edgetimedb.server.simulation;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * What a target made of the points handed to it: delivered (acknowledged where the protocol
 * acknowledges, written to the network where it does not), lost, and the errors by kind
 * ({@code HTTP 400}, {@code connection failure}, {@code MQTT failure}) with the last message of
 * each. Thread-safe: MQTT acknowledgements arrive on paho's threads.
 */
public final class DeliveryCounts {
  private final LongSupplier nanoTime;
  private long delivered;
  private long lost;
  private final Map<String, Long> errors = new TreeMap<>();
  private final Map<String, String> lastMessage = new TreeMap<>();
  /** Whether the last outcome was a failure, and since when the failures have gone on. */
  private boolean failing;
  private long failingSince;

  public DeliveryCounts() {
    this(System::nanoTime);
  }

  DeliveryCounts(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  public synchronized void delivered(long points) {
    delivered += points;
    failing = false;
  }

  /** {@code points} lost because of one error of {@code kind}; {@code message} says what happened. */
  public synchronized void failed(String kind, String message, long points) {
    lost += points;
    errors.merge(kind, 1L, Long::sum);
    lastMessage.put(kind, message);
    if (!failing) {
      failing = true;
      failingSince = nanoTime.getAsLong();
    }
  }

  public synchronized long delivered() {
    return delivered;
  }

  public synchronized long lost() {
    return lost;
  }

  /** Errors by kind, in name order. */
  public synchronized Map<String, Long> errors() {
    return new TreeMap<>(errors);
  }

  public synchronized String lastMessage(String kind) {
    return lastMessage.get(kind);
  }

  public synchronized long errorCount() {
    return errors.values().stream().mapToLong(Long::longValue).sum();
  }

  /** How long every outcome has been a failure, in nanoseconds (0 while deliveries go through). */
  public synchronized long failingForNanos() {
    return failing ? nanoTime.getAsLong() - failingSince : 0;
  }
}
