package io.edgetimedb.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a child JVM that acknowledges work on its standard output, one {@code ACK <number>}
 * line per acknowledgement, and kills it with {@link Process#destroyForcibly()} (SIGKILL on
 * Linux: no shutdown hook, no finally block, no flush runs) at a chosen moment. The child gets
 * this JVM's class path, so any main class of the tests can be the child.
 *
 * <p>Every acknowledgement the child printed before it died is collected: the child saw its
 * operation succeed before printing, so the parent must hold it to that.
 */
public final class CrashHarness {
  /** A child that acknowledges nothing for this long is hung, not slow. */
  private static final long FIRST_ACK_TIMEOUT_SECONDS = 60;
  private static final long POLL_MILLIS = 2;
  private static final String ACK = "ACK ";

  private final Class<?> childMain;
  private final Path ackLog;
  private final Path errorLog;

  /**
   * A harness for {@code childMain} whose runs keep the child's standard output and error in
   * {@code workDir} (each run replaces the previous one's).
   */
  public CrashHarness(Class<?> childMain, Path workDir) {
    this.childMain = childMain;
    this.ackLog = workDir.resolve(childMain.getSimpleName() + ".out");
    this.errorLog = workDir.resolve(childMain.getSimpleName() + ".err");
  }

  /**
   * When to kill: {@code delayMillis} after the first acknowledgement, or after the start when
   * {@code afterFirstAck} is false (so that the kill can land in the child's startup and
   * recovery).
   */
  public record KillMoment(boolean afterFirstAck, long delayMillis) {
    public static KillMoment afterFirstAck(long delayMillis) {
      return new KillMoment(true, delayMillis);
    }

    public static KillMoment afterStart(long delayMillis) {
      return new KillMoment(false, delayMillis);
    }
  }

  /**
   * What a run left behind.
   *
   * @param acknowledged the numbers the child acknowledged, in the order it printed them
   * @param killed whether the harness killed it (false: it exited on its own first)
   * @param exitCode the child's exit status
   * @param errors what the child wrote to standard error
   */
  public record Outcome(List<Long> acknowledged, boolean killed, int exitCode, String errors) {}

  /** Starts the child with {@code args}, kills it at {@code moment} and waits for it to be gone. */
  public Outcome run(List<String> args, KillMoment moment) throws IOException, InterruptedException {
    Process child = start(args);
    awaitKillMoment(child, moment);
    boolean killed = child.isAlive();
    child.destroyForcibly();
    int exitCode = child.waitFor();
    return new Outcome(acknowledged(), killed, exitCode, Files.readString(errorLog));
  }

  /**
   * The child writes into files rather than pipes: killing a {@link Process} closes the
   * parent's end of its pipes, which drops whatever the parent had not read yet, while a file
   * keeps every byte the child wrote before it died.
   */
  private Process start(List<String> args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // a small, quickly started JVM: the children start hundreds of times per long run
        "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"), childMain.getName()));
    command.addAll(args);
    return new ProcessBuilder(command).redirectOutput(ackLog.toFile()).redirectError(errorLog.toFile()).start();
  }

  /** Waits for the moment, or less when the child exits first. */
  private void awaitKillMoment(Process child, KillMoment moment) throws IOException, InterruptedException {
    if (moment.afterFirstAck()) {
      awaitFirstAck(child);
    }
    child.waitFor(moment.delayMillis(), TimeUnit.MILLISECONDS);
  }

  private void awaitFirstAck(Process child) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(FIRST_ACK_TIMEOUT_SECONDS);
    while (acknowledged().isEmpty() && child.isAlive()) {
      if (System.nanoTime() > deadline) {
        child.destroyForcibly().waitFor();
        throw new IllegalStateException("the child acknowledged nothing within " + FIRST_ACK_TIMEOUT_SECONDS
            + " s; it is hung: " + Files.readString(errorLog));
      }
      Thread.sleep(POLL_MILLIS);
    }
  }

  /** The acknowledged numbers so far; a last line cut short by the kill has no newline and does not count. */
  private List<Long> acknowledged() throws IOException {
    String output = Files.readString(ackLog, StandardCharsets.US_ASCII);
    List<Long> numbers = new ArrayList<>();
    for (String line : output.substring(0, output.lastIndexOf('\n') + 1).split("\n")) {
      if (line.startsWith(ACK)) {
        numbers.add(Long.parseLong(line.substring(ACK.length()).trim()));
      }
    }
    return numbers;
  }
}
