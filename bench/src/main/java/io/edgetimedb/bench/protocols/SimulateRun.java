package io.edgetimedb.bench.protocols;

import io.edgetimedb.server.Server;
import io.edgetimedb.server.cli.EdgeTimeDbCommand;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The protocol reports' two steps: a {@code simulate} process sending from this JVM's class
 * path, and the server's count of stored points coming to rest after it.
 */
final class SimulateRun {
  /** How the stored count settled: the points and when they last grew (System.nanoTime). */
  record Settled(long points, long lastChangeNanos) {}

  private SimulateRun() {}

  /** Starts {@code simulate --quiet <arguments>}, its output into {@code log}. */
  static Process start(Path log, List<String> arguments) throws IOException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-cp", System.getProperty("java.class.path"), EdgeTimeDbCommand.class.getName(), "simulate",
        "--quiet"));
    command.addAll(arguments);
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /**
   * Waits until the server holds at least {@code minimum} points (giving up after {@code
   * giveUpMillis}), then until the count has not grown for {@code quietMillis}.
   */
  static Settled awaitSettled(Server server, long minimum, long quietMillis, long giveUpMillis)
      throws InterruptedException {
    long stored = server.database().memoryUsage().points();
    long lastChange = System.nanoTime();
    long giveUp = lastChange + giveUpMillis * 1_000_000;
    while (stored < minimum ? System.nanoTime() < giveUp : System.nanoTime() - lastChange < quietMillis * 1_000_000) {
      Thread.sleep(20);
      long now = server.database().memoryUsage().points();
      if (now != stored) {
        stored = now;
        lastChange = System.nanoTime();
      }
    }
    return new Settled(stored, lastChange);
  }
}
