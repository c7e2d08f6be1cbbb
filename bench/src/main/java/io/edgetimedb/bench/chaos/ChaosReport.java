package io.edgetimedb.bench.chaos;

import io.edgetimedb.bench.http.ChildServer;
import io.edgetimedb.testsupport.DirectoryTrees;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Issue 12's hostile-client figures: {@link ChaosRun} at full size (or as asked), written as
 * markdown. What each attack does and how to read the table: {@code docs/chaos.md}.
 *
 * <p>Run (after {@code mvn -B -q -DskipTests package}):
 * <pre>
 * java -cp bench/target/benchmarks.jar io.edgetimedb.bench.chaos.ChaosReport \
 *     [--out=bench/results/chaos/chaos.md] [--scale=full|short] [--attacks=all|series-flood,slowloris,...]
 *     [--together=true] [--phase=30s] [--heap=256m] [--jvm-options=-XX:+ExitOnOutOfMemoryError]
 * </pre>
 */
public final class ChaosReport {
  private ChaosReport() {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = ChildServer.options(args);
    ChaosScale scale = options.getOrDefault("scale", "full").equals("short") ? ChaosScale.SHORT : ChaosScale.FULL;
    if (options.containsKey("phase")) {
      scale = scale.withPhase(Duration.parse("PT" + options.get("phase").toUpperCase()));
    }
    scale = scale.withHeap(options.getOrDefault("heap", scale.heap()));
    List<Attack> attacks = scale.attacks(Arrays.asList(options.getOrDefault("attacks", "all").split(",")));
    List<String> jvmOptions = options.getOrDefault("jvm-options", "").isBlank() ? List.of()
        : List.of(options.get("jvm-options").trim().split("\\s+"));
    Path out = Path.of(options.getOrDefault("out", "bench/results/chaos/chaos.md"));
    double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    ChaosRun.Result result = ChaosRun.run(scale, attacks, Boolean.parseBoolean(options.getOrDefault("together", "true")),
        jvmOptions, DirectoryTrees.deletedAtExit("chaos"), System.out);
    String markdown = markdown(result, scale, attacks, jvmOptions, loadBefore,
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, markdown);
    System.out.println(markdown);
  }

  static String markdown(ChaosRun.Result result, ChaosScale scale, List<Attack> attacks, List<String> jvmOptions,
      double loadBefore, double loadAfter) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream md = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    md.printf("# Chaos run, %s%n%n", result.started());
    md.printf("`edgetimedb server` in a child JVM (`-Xmx%s%s`), durable, every endpoint on loopback; java %s, %d "
        + "cores, load average %.1f before and %.1f after. The feed: one HTTP client posting batches of %,d points "
        + "(%d sensors x %d) to `/api/v2/write` as fast as they are acknowledged. Phases of %d s; attacks in the "
        + "order below, the server restarted only when the feed was not acknowledged again within %d s of a "
        + "phase's end.%n%n", scale.heap(), jvmOptions.isEmpty() ? "" : " " + String.join(" ", jvmOptions),
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter,
        scale.sensors() * scale.pointsPerSensor(), scale.sensors(), scale.pointsPerSensor(), scale.phase().toSeconds(),
        scale.settle().toSeconds());
    md.printf("**Points lost: %,d acknowledged** (%s). **Feed beside the attacks: %.0f%% of its rate alone** "
        + "(target >= 80%%; the worst phase: %s). Server starts: %d (1 = never restarted).%n%n",
        result.lostPoints(), result.nothingLost() ? "every acknowledged batch found, also after a restart"
            : result.problem() != null ? "as far as checked: " + result.problem() : "see below",
        100 * attackShare(result), worst(result), result.serverStarts());
    md.println("| phase | feed points/s | share of alone | feed errors | heap max MiB | RSS max MiB | /health answered "
        + "| after the phase |");
    md.println("| --- | ---: | ---: | --- | ---: | ---: | ---: | --- |");
    double alone = result.baseline().pointsPerSecond();
    for (ChaosRun.Phase p : result.phases()) {
      md.printf("| %s | %,.0f | %.0f%% | %s | %s | %s | %d of %d | %s%s |%n", p.name(), p.pointsPerSecond(),
          100 * p.pointsPerSecond() / alone, p.feedFailures().isEmpty() ? "none" : p.feedFailures(),
          mib(p.heapMaxBytes()), mib(p.rssMaxBytes()), p.healthAnswered(), p.healthProbes(), p.healthAfter(),
          p.recovery().isEmpty() ? "" : "; " + p.recovery());
    }
    md.printf("%n## What each attack did and got%n%n");
    for (Attack a : attacks) {
      md.printf("- **%s**: %s.%n", a.name(), a.description());
      for (ChaosRun.Phase p : result.phases()) {
        Outcome outcome = p.outcomes().get(a.name());
        if (outcome != null) {
          md.printf("  - %s: %s%s%n", p.name().equals(a.name()) ? "alone" : p.name(), outcome.text(),
              outcome.broken().isEmpty() ? "" : " **Broken: " + String.join("; ", outcome.broken()) + ".**");
        }
      }
    }
    md.printf("%n## Acknowledged points%n%n");
    if (result.problem() != null) {
      md.printf("- **the run did not complete**: %s%n", result.problem());
    }
    md.printf("- on the running server after the last phase: %s%n",
        result.live() == null ? "not checked" : result.live());
    md.printf("- SIGTERM at the end: %s%n", result.stop());
    if (result.afterRestart() != null) {
      md.printf("- after a new start on the directory: %s; `/health` %s%n", result.afterRestart(),
          result.healthAfterRestart());
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  /** The feed's rate over every attack phase, as a share of its baseline. */
  static double attackShare(ChaosRun.Result result) {
    List<ChaosRun.Phase> attacked = result.phases().stream().filter(p -> !p.outcomes().isEmpty()).toList();
    return attacked.isEmpty() ? 1 : attacked.stream().mapToDouble(ChaosRun.Phase::pointsPerSecond).average()
        .orElse(0) / result.baseline().pointsPerSecond();
  }

  private static String worst(ChaosRun.Result result) {
    return result.phases().stream().filter(p -> !p.outcomes().isEmpty())
        .min((a, b) -> Double.compare(a.pointsPerSecond(), b.pointsPerSecond()))
        .map(p -> String.format("%s, %.0f%%", p.name(), 100 * p.pointsPerSecond() / result.baseline().pointsPerSecond()))
        .orElse("none");
  }

  private static String mib(long bytes) {
    return bytes < 0 ? "?" : Long.toString(bytes >> 20);
  }
}
