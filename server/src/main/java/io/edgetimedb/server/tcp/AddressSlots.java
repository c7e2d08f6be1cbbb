package io.edgetimedb.server.tcp;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The connections each sender address holds open, against {@code tcp.max-connections-per-address}:
 * without it one host opening connections until {@code tcp.max-connections} locks every other
 * sender out. Taken by the selector thread, given back by whichever thread closes the connection.
 */
final class AddressSlots {
  private final int perAddress;
  private final ConcurrentHashMap<InetAddress, Integer> open = new ConcurrentHashMap<>();

  AddressSlots(int perAddress) {
    this.perAddress = perAddress;
  }

  /** Takes a slot for {@code address}; false when it holds all it may. */
  boolean take(InetAddress address) {
    boolean[] taken = new boolean[1];
    open.compute(address, (a, held) -> {
      int count = held == null ? 0 : held;
      taken[0] = count < perAddress;
      return taken[0] ? count + 1 : held;
    });
    return taken[0];
  }

  void give(InetAddress address) {
    open.computeIfPresent(address, (a, held) -> held == 1 ? null : held - 1);
  }
}
