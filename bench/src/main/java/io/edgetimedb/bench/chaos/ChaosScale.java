package io.edgetimedb.bench.chaos;

import java.time.Duration;
import java.util.List;

/**
 * How big a chaos run is: the length of each phase, the feed's batches and every attack's size.
 * {@link #FULL} is issue 12's sizes, for the {@code long} profile and the report; {@link #SHORT}
 * is the default test run's: short phases, a small feed, and attacks that end in seconds once
 * defended but still go past each bound (more remote connections than Avatica's default cache
 * of 1,000, bodies in flight beyond the heap, more fields than a line may carry).
 *
 * @param phase how long the feed runs alone (baseline, after) and beside each attack
 * @param settle how long the feed may take to be acknowledged again after an attack before the
 *     server is declared unresponsive and restarted
 * @param heap the server JVM's {@code -Xmx}
 */
record ChaosScale(Duration phase, Duration settle, String heap, int sensors, int pointsPerSensor, int crossJoins,
    int queryTimeoutSeconds, int connections, int halfLines, int giantBodies, int giantBodyBytes, int fields,
    int series) {
  static final ChaosScale SHORT = new ChaosScale(Duration.ofSeconds(5), Duration.ofSeconds(15), "256m", 20, 20, 2, 2,
      1_200, 64, 16, 32 << 20, 40_000, 20_000);
  static final ChaosScale FULL = new ChaosScale(Duration.ofSeconds(30), Duration.ofSeconds(60), "256m", 100, 20, 4, 5,
      1_200, 512, 16, 32 << 20, 40_000, 500_000);

  ChaosScale withPhase(Duration length) {
    return new ChaosScale(length, settle, heap, sensors, pointsPerSensor, crossJoins, queryTimeoutSeconds, connections,
        halfLines, giantBodies, giantBodyBytes, fields, series);
  }

  ChaosScale withHeap(String maximum) {
    return new ChaosScale(phase, settle, maximum, sensors, pointsPerSensor, crossJoins, queryTimeoutSeconds,
        connections, halfLines, giantBodies, giantBodyBytes, fields, series);
  }

  /**
   * Every attack at this scale, in the order the report runs them: those that leave least behind
   * first, the series flood last (its series stay in memory and weigh on everything after it).
   */
  List<Attack> attacks() {
    return List.of(
        new SlowlorisAttack(halfLines),
        new ConnectionFloodAttack(connections),
        new FieldFloodAttack(fields),
        new GiantBodyAttack(giantBodies, giantBodyBytes),
        new CrossJoinAttack(crossJoins, queryTimeoutSeconds),
        new SortedCrossJoinAttack(),
        new SeriesFloodAttack(series));
  }

  /** The attacks named, in {@link #attacks()} order; "all" for every one. */
  List<Attack> attacks(List<String> names) {
    List<String> known = attacks().stream().map(Attack::name).toList();
    names.stream().filter(n -> !n.equals("all") && !known.contains(n)).findFirst().ifPresent(n -> {
      throw new IllegalArgumentException("unknown attack '" + n + "' (known: " + String.join(", ", known) + ")");
    });
    return attacks().stream().filter(a -> names.contains("all") || names.contains(a.name())).toList();
  }
}
