package io.edgetimedb.server.bench.run;

import java.nio.file.Path;
import java.util.List;

/**
 * What a {@code bench} run does, from its options.
 *
 * @param sensors the sensor counts, each a round over every target
 * @param ingestMillis wall-clock length of each target's ingest phase
 * @param peers the peers to run beside EdgeTimeDB, by name
 * @param peerJars where the peers' jars are
 * @param out where the results go
 * @param quick the smoke run: fewer repetitions and denser memory samples
 */
public record RunPlan(List<Integer> sensors, long ingestMillis, List<String> peers, Path peerJars, Path out,
    boolean quick) {
  public static final int QUERIES_PER_SECOND = 10;

  public RunPlan {
    sensors = List.copyOf(sensors);
    peers = List.copyOf(peers);
    if (sensors.isEmpty() || sensors.stream().anyMatch(n -> n < 1)) {
      throw new IllegalArgumentException("sensor counts must be at least 1: " + sensors);
    }
    if (ingestMillis < 1) {
      throw new IllegalArgumentException("the ingest phase must last at least 1 ms, not " + ingestMillis);
    }
  }

  /** How often each question runs in the quiet phase, per way of asking, unless its time is up first. */
  int quietRepetitions() {
    return quick ? 5 : 100;
  }

  /** The fewest runs of a question in the quiet phase, however slow it is. */
  int quietMinimumRepetitions() {
    return 5;
  }

  /**
   * Wall-clock time after which a question stops being repeated in the quiet phase (once it ran
   * {@link #quietMinimumRepetitions} times): a database that takes seconds per answer would
   * otherwise hold the run for many minutes. The figures record how many runs there were.
   */
  long quietBudgetMillis() {
    return quick ? 0 : 15_000;
  }

  /** Milliseconds between memory samples. */
  long sampleMillis() {
    return quick ? 200 : 1_000;
  }
}
