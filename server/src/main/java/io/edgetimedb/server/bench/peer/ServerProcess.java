package io.edgetimedb.server.bench.peer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A peer's server running as a child process of the benchmark. Its output goes to a log file
 * (quoted when it fails to start); it is asked to stop with SIGTERM and killed when it has not
 * stopped in time; and a shutdown hook kills it if the benchmark's JVM exits first, so no server
 * outlives the run that started it.
 */
final class ServerProcess implements AutoCloseable {
  private static final int LOG_TAIL_CHARS = 2_000;

  private final Process process;
  private final Path log;
  private final Thread killOnExit;

  private ServerProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
    this.killOnExit = new Thread(process::destroyForcibly, "kill " + process.pid());
    Runtime.getRuntime().addShutdownHook(killOnExit);
  }

  /** Starts {@code command} in {@code directory}, its stdout and stderr appended to {@code log}. */
  static ServerProcess start(List<String> command, Path directory, Path log) throws IOException {
    Process process = new ProcessBuilder(command)
        .directory(directory.toFile())
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
    return new ServerProcess(process, log);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  ProcessHandle handle() {
    return process.toHandle();
  }

  /** The end of the server's log, to say why it did not start. */
  String logTail() {
    try {
      String text = Files.readString(log, StandardCharsets.UTF_8);
      return text.substring(Math.max(0, text.length() - LOG_TAIL_CHARS));
    } catch (IOException e) {
      return "(its log " + log + " cannot be read: " + e.getMessage() + ")";
    }
  }

  /** Asks the server to stop, waits up to {@code graceMillis}, then kills it; returns once it is gone. */
  void stop(long graceMillis) throws InterruptedException {
    process.destroy();
    if (!process.waitFor(graceMillis, TimeUnit.MILLISECONDS)) {
      process.destroyForcibly().waitFor();
    }
    try {
      Runtime.getRuntime().removeShutdownHook(killOnExit);
    } catch (IllegalStateException shuttingDown) {
      // the JVM is exiting: the hook runs anyway and finds the process gone
    }
  }

  @Override
  public void close() throws InterruptedException {
    stop(15_000);
  }
}
