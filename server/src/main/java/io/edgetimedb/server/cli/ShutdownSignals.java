package io.edgetimedb.server.cli;

import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * Waits for SIGTERM or SIGINT. Why a signal handler rather than only a shutdown hook: on these
 * signals the JVM runs its hooks and then exits with 128 + the signal number (143, 130) whatever
 * the hooks did, so an orderly stop would still look like a failure to systemd, Docker or a
 * test. With the handler installed the JVM does not start its shutdown at all; the main thread
 * wakes, stops the server and returns exit code 0. {@code sun.misc.Signal} lives in the
 * {@code jdk.unsupported} module, present in every JDK since 9 precisely for this use; where it
 * cannot be installed (a JVM run with -Xrs) the shutdown hook still stops the server, only with
 * the JVM's exit code.
 */
final class ShutdownSignals {
  private final CountDownLatch received = new CountDownLatch(1);
  private volatile String signal;

  /** Installs handlers for TERM and INT; returns whether they are installed. */
  boolean install() {
    try {
      for (String name : new String[] {"TERM", "INT"}) {
        Signal.handle(new Signal(name), s -> {
          signal = "SIG" + s.getName();
          received.countDown();
        });
      }
      return true;
    } catch (IllegalArgumentException | UnsupportedOperationException e) {
      return false;
    }
  }

  /** Blocks until a signal arrives; returns its name, e.g. {@code SIGTERM}. */
  String await() throws InterruptedException {
    received.await();
    return signal;
  }
}
