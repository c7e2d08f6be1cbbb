package io.edgetimedb.server.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a run did, for the summary the command prints: points sent and delivered, the rate
 * achieved against the one asked for and against the floor of {@value #FLOOR_WRITES_PER_SECOND}
 * writes per second a sensor fleet must be able to keep up, and the errors by kind.
 *
 * @param askedRate points per second asked for, NaN for {@code --rate max}
 * @param slowestSecondRate points per second in the slowest whole second, NaN for a shorter run
 * @param abandoned why the run stopped early, or null
 */
public record SimulationReport(String target, long generated, long delivered, long lost, long elapsedNanos,
    double askedRate, double slowestSecondRate, DeliveryCounts counts, long givenUpNanos, long stalls, int anomalies,
    String abandoned) {
  /** The floor: a simulator (and the ingest behind it) must sustain at least this. */
  public static final int FLOOR_WRITES_PER_SECOND = 1_000;

  public double achievedRate() {
    return elapsedNanos == 0 ? 0 : delivered * 1e9 / elapsedNanos;
  }

  /** Whether every point arrived without a single error and the run went to its end. */
  public boolean clean() {
    return lost == 0 && counts.errorCount() == 0 && abandoned == null;
  }

  public List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add(String.format("sent %,d points to %s in %.1f s: %,d delivered, %,d lost", generated, target,
        elapsedNanos / 1e9, delivered, lost));
    lines.add("rate: " + rate() + "; " + floor());
    if (stalls > 0) {
      lines.add(String.format("fell behind the asked rate by %.1f s over %d stall(s): the asked rate was not kept",
          givenUpNanos / 1e9, stalls));
    }
    lines.add("errors: " + errors());
    if (anomalies > 0) {
      lines.add(String.format("anomalies injected: %d", anomalies));
    }
    if (abandoned != null) {
      lines.add(abandoned);
    }
    return lines;
  }

  private String rate() {
    if (Double.isNaN(askedRate)) {
      return String.format("%,.0f points/s achieved, as fast as possible asked", achievedRate());
    }
    return String.format("%,.0f points/s achieved, %,.0f asked (%.1f%%)", achievedRate(), askedRate,
        100 * achievedRate() / askedRate);
  }

  private String floor() {
    boolean whole = !Double.isNaN(slowestSecondRate);
    double rate = whole ? slowestSecondRate : achievedRate();
    String what = whole ? String.format("slowest second %,.0f points/s", rate)
        : String.format("run shorter than a second, %,.0f points/s overall", rate);
    if (rate >= FLOOR_WRITES_PER_SECOND) {
      return String.format("%s, %.1fx the floor of %,d writes/s", what, rate / FLOOR_WRITES_PER_SECOND,
          FLOOR_WRITES_PER_SECOND);
    }
    String why = !Double.isNaN(askedRate) && askedRate < FLOOR_WRITES_PER_SECOND ? " (the asked rate is below it)" : "";
    return String.format("%s, below the floor of %,d writes/s%s", what, FLOOR_WRITES_PER_SECOND, why);
  }

  private String errors() {
    Map<String, Long> errors = counts.errors();
    if (errors.isEmpty()) {
      return "none";
    }
    List<String> kinds = new ArrayList<>();
    errors.forEach((kind, n) -> kinds.add(String.format("%s x%,d (last: %s)", kind, n, counts.lastMessage(kind))));
    return String.join("; ", kinds);
  }
}
