package io.edgetimedb.server.cli;

import io.edgetimedb.engine.settings.DurationText;
import io.edgetimedb.server.bench.run.MacroBenchmark;
import io.edgetimedb.server.bench.run.RunPlan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code bench [--sensors 100,1000,10000] [--duration 60s] [--peers questdb,sqlite,duckdb]
 * [--peer-jars DIR] [--out DIR] [--quick]}: the macro benchmark (see docs/bench.md). Exit code 0
 * when every EdgeTimeDB figure was produced (peers may be skipped), 1 when the run failed, 2 for
 * bad options.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Run the macro benchmark: EdgeTimeDB's ways in (Java API, JDBC batches, line protocol over TCP "
        + "and HTTP from a simulate process) and the peers, on the same plant feed and questions.",
        "Writes a JSON file per run, results.md and PNG charts; see docs/bench.md."},
    exitCodeOnInvalidInput = 2, exitCodeOnExecutionException = 1)
final class BenchCommand implements Callable<Integer> {
  /** Ten times the largest count the issue asks for: beyond it a run outgrows any edge box. */
  static final int MAX_SENSORS = 100_000;
  static final long MIN_DURATION_MILLIS = 1_000;

  @Option(names = "--sensors", paramLabel = "N,N,...", converter = SensorCounts.class,
      description = "Sensor counts, one round over every target each (default 100,1000,10000; --quick: 100).")
  List<Integer> sensors;

  @Option(names = "--duration", paramLabel = "D", converter = PhaseDuration.class,
      description = "Wall-clock length of each target's ingest phase, at least 1s (default 60s; --quick: 2s).")
  Long durationMillis;

  @Option(names = "--peers", paramLabel = "NAME,...|none", defaultValue = "questdb,sqlite,duckdb",
      description = "Peers to run beside EdgeTimeDB (default ${DEFAULT-VALUE}); one that is unavailable is skipped "
          + "with a message; none for no peers.")
  String peers;

  @Option(names = "--peer-jars", paramLabel = "DIR", defaultValue = "bench/target/peers",
      description = "Directory of the peers' jars (default ${DEFAULT-VALUE}).")
  Path peerJars;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "bench/results/macro",
      description = "Where the JSON, results.md and charts go (default ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--quick", description = "A smoke run in under a minute: 100 sensors, 2 s phases, few repetitions.")
  boolean quick;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    RunPlan plan = plan();
    new MacroBenchmark(plan, System.out).run();
    return 0;
  }

  /** The options as a plan; --quick only changes what was not given. */
  RunPlan plan() throws IOException {
    List<Integer> counts = sensors != null ? sensors : quick ? List.of(100) : List.of(100, 1_000, 10_000);
    long millis = durationMillis != null ? durationMillis : quick ? 2_000 : 60_000;
    List<String> peerNames = peerNames();
    try {
      MacroBenchmark.checkPeerNames(peerNames, peerJars);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--peers: " + e.getMessage());
    }
    return new RunPlan(counts, millis, peerNames, peerJars, out, quick);
  }

  private List<String> peerNames() {
    if (peers.equals("none")) {
      return List.of();
    }
    List<String> names = new ArrayList<>();
    for (String name : peers.split(",", -1)) {
      String trimmed = name.trim();
      if (trimmed.isEmpty()) {
        throw new ParameterException(spec.commandLine(), "--peers '" + peers + "': an empty name; give names "
            + "separated by commas, such as questdb,sqlite, or none");
      }
      if (!names.contains(trimmed)) {
        names.add(trimmed);
      }
    }
    return names;
  }

  static final class SensorCounts implements ITypeConverter<List<Integer>> {
    @Override
    public List<Integer> convert(String value) {
      List<Integer> counts = new ArrayList<>();
      for (String part : Arrays.asList(value.split(",", -1))) {
        counts.add(count(part.trim(), value));
      }
      return List.copyOf(counts);
    }

    private static int count(String part, String whole) {
      long n;
      try {
        n = Long.parseLong(part);
      } catch (NumberFormatException e) {
        throw new TypeConversionException("'" + part + "' in '" + whole + "' is not a sensor count: give whole "
            + "numbers separated by commas, such as 100,1000");
      }
      if (n < 1 || n > MAX_SENSORS) {
        throw new TypeConversionException(n + " sensors: give between 1 and " + String.format("%,d", MAX_SENSORS));
      }
      return (int) n;
    }
  }

  static final class PhaseDuration implements ITypeConverter<Long> {
    @Override
    public Long convert(String value) {
      Long millis = DurationText.parse(value);
      if (millis == null) {
        throw new TypeConversionException("'" + value + "' is not a duration such as 20s, 60s or 5m");
      }
      if (millis < MIN_DURATION_MILLIS) {
        throw new TypeConversionException("'" + value + "' is shorter than the 1s an ingest phase needs at least");
      }
      return millis;
    }
  }
}
