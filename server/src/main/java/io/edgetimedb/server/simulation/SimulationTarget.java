package io.edgetimedb.server.simulation;

import io.edgetimedb.engine.write.PointBatch;
import java.io.IOException;

/**
 * Where the simulated fleet's readings go, one class per protocol. A target is given every
 * tick's points, may buffer them (into HTTP bodies, datagrams), and sends what it holds when
 * asked to flush, when its buffer is full, or when the oldest buffered point is
 * {@link #MAX_HOLD_NANOS} old. It never throws for a failed send: it records the error and the
 * points lost in its {@link DeliveryCounts} and goes on, reconnecting where that makes sense, so
 * one bad moment does not end a long run.
 */
public interface SimulationTarget extends AutoCloseable {
  /** The longest a buffered point waits for its batch to fill (the "every 100 ms"). */
  long MAX_HOLD_NANOS = 100_000_000L;

  /**
   * Connects to the address.
   *
   * @throws IOException when the target cannot be reached, with a message saying why
   */
  static SimulationTarget open(TargetAddress address, TargetOptions options, DeliveryCounts counts)
      throws IOException {
    return switch (address.protocol()) {
      case HTTP -> HttpTarget.open(address, options, counts);
      case TCP -> TcpTarget.open(address, options, counts);
      case UDP -> UdpTarget.open(address, counts);
      case MQTT -> MqttTarget.open(address, options, counts);
    };
  }

  /** Takes the points of one tick (the batch is reused by the caller afterwards). */
  void send(PointBatch points);

  /** Sends whatever is buffered; called when the sender is about to wait for the next tick. */
  void flush();

  /** Flushes, waits for outstanding acknowledgements (a bounded time) and disconnects. */
  @Override
  void close();
}
