package io.edgetimedb.server.bench.run;

import io.edgetimedb.server.bench.BenchTarget;
import io.edgetimedb.server.cli.EdgeTimeDbCommand;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Feeds a target from a separate process, as sensors and gateways do: {@code edgetimedb simulate
 * --rate max} in a child JVM on this JVM's class path (the jar, or the test class path), sending
 * the same plant feed as {@link WriteLoop} (same seed and start) to the target's line-protocol
 * address until it is stopped. What it claims to have sent is not used: points written is what
 * the target holds ({@link BenchTarget#awaitVisible} without waiting).
 */
final class SimulateProcess implements Ingest {
  /** More points than any run sends: the process runs until it is stopped. */
  private static final long UNBOUNDED_POINTS = Long.MAX_VALUE / 4;
  private static final int TCP_CONNECTIONS = 4;

  private final BenchTarget target;
  private final List<String> command;
  private final Path log;
  private Process process;

  SimulateProcess(BenchTarget target, DataTime time, long seed, Path log) {
    this.target = target;
    this.log = log;
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx512m", "-cp", System.getProperty("java.class.path"), EdgeTimeDbCommand.class.getName(), "simulate",
        "--quiet", "--sensors", Integer.toString(time.sensors()), "--rate", "max", "--points",
        Long.toString(UNBOUNDED_POINTS), "--start", Long.toString(time.startMillis()), "--seed", Long.toString(seed),
        "--to", target.lineProtocolAddress()));
    if (target.lineProtocolAddress().startsWith("tcp:")) {
      // one connection is one listener thread's worth; a gateway fleet opens several
      command.addAll(List.of("--connections", Integer.toString(TCP_CONNECTIONS)));
    }
    this.command = List.copyOf(command);
  }

  @Override
  public void start() throws IOException {
    process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  @Override
  public long written() throws Exception {
    if (!process.isAlive()) {
      throw new IllegalStateException("simulate for " + target.name() + " exited with " + process.exitValue()
          + ": " + tail());
    }
    return target.awaitVisible(Long.MAX_VALUE, 0);
  }

  private String tail() throws IOException {
    String out = Files.readString(log, StandardCharsets.UTF_8);
    return out.length() > 2_000 ? "..." + out.substring(out.length() - 2_000) : out;
  }

  @Override
  public void close() throws InterruptedException {
    if (process == null) {
      return;
    }
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
