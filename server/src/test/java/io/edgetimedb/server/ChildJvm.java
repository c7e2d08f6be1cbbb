package io.edgetimedb.server;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A separate JVM running a main class on this test run's class path, the way a real client runs:
 * its own process, its own driver registrations, talking to the server only over the network.
 */
public final class ChildJvm {
  /** What the process printed and how it ended. */
  public record Result(int exitCode, String out, String err) {}

  private ChildJvm() {}

  /** Runs {@code mainClass args} with {@code stdin} as input and waits up to a minute for it. */
  public static Result run(String stdin, String mainClass, String... args) throws IOException, InterruptedException {
    Path out = Files.createTempFile("child-jvm", ".out");
    Path err = Files.createTempFile("child-jvm", ".err");
    try {
      List<String> command = new ArrayList<>(List.of(
          Path.of(System.getProperty("java.home"), "bin", "java").toString(),
          "-Duser.timezone=UTC", "-Xmx256m", "-XX:TieredStopAtLevel=1",
          "-cp", System.getProperty("java.class.path"), mainClass));
      command.addAll(List.of(args));
      Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
      try (OutputStream in = p.getOutputStream()) {
        in.write(stdin.getBytes(StandardCharsets.UTF_8));
      }
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("child JVM did not finish in 60 s; stdout so far:\n" + Files.readString(out));
      }
      return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  /**
   * Starts {@code mainClass args} with {@code jvmOptions} and its stdout and stderr going to
   * {@code log} (a file, not a pipe: the lines printed while it stops matter, and a pipe closes
   * with the process), and returns without waiting.
   */
  public static Process start(Path log, List<String> jvmOptions, String mainClass, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(List.of("-Duser.timezone=UTC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
        mainClass));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
  }

  /** Waits up to a minute for the process to print a line starting with {@code prefix}, and returns it. */
  public static String awaitLine(Process process, Path log, String prefix) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (process.isAlive() && System.nanoTime() < deadline) {
      for (String line : Files.readAllLines(log)) {
        if (line.startsWith(prefix)) {
          return line;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no line starting with '" + prefix + "' (alive: " + process.isAlive() + "); output:\n"
        + Files.readString(log));
  }

  /** The class path entries, for tests that need to know one exists. */
  public static List<String> classPath() {
    return List.of(System.getProperty("java.class.path").split(File.pathSeparator));
  }
}
