package io.edgetimedb.server.bench.report;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The machine a run ran on, so a figure is never read without knowing what produced it; the load
 * average at start and end says how much else was running.
 *
 * @param memoryBytes physical memory, or -1 when the JVM cannot tell
 * @param loadAverageEnd -1 until the run ends (and where the system has no load average)
 * @param gitCommit the commit of the working directory, or null outside a git checkout
 */
public record Machine(int cores, long memoryBytes, long maxHeapBytes, String jvm, String os, double loadAverageStart,
    double loadAverageEnd, String startedAt, String finishedAt, String gitCommit) {

  /** The machine now, at the start of a run. */
  public static Machine atStart() {
    OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    long memory = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getTotalMemorySize() : -1;
    return new Machine(Runtime.getRuntime().availableProcessors(), memory, Runtime.getRuntime().maxMemory(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
        os.getName() + " " + os.getVersion() + " " + os.getArch(), os.getSystemLoadAverage(), -1,
        Instant.now().toString(), null, currentCommit());
  }

  /** The same machine with the load average and time at the end of the run. */
  public Machine atEnd() {
    return new Machine(cores, memoryBytes, maxHeapBytes, jvm, os, loadAverageStart,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), startedAt, Instant.now().toString(),
        gitCommit);
  }

  private static String currentCommit() {
    try {
      Process git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
      String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!git.waitFor(10, TimeUnit.SECONDS)) {
        git.destroyForcibly();
        return null;
      }
      return git.exitValue() == 0 && out.matches("[0-9a-f]{40}") ? out : null;
    } catch (IOException e) {
      return null; // no git on this machine
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
