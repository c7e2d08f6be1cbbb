package io.edgetimedb.bench.chaos;

import java.time.Duration;

/**
 * One hostile client of the chaos run. It runs beside the steady feed until it is done or its
 * deadline passes, whichever is first, and leaves nothing of its own open behind it except what
 * it abandons on purpose (an abandoned query is the attack); what it saw comes back as an {@link
 * Outcome}: what the server did with it, and what of that issue 12 forbids.
 */
interface Attack {
  Duration MINIMUM_PATIENCE = Duration.ofSeconds(10);

  /** The name the report and {@code --attacks} use. */
  String name();

  /** What it sends, for the report and docs/chaos.md. */
  String description();

  /** Runs until done or until {@code System.nanoTime()} passes {@code deadlineNanos}. */
  Outcome run(ServerProcess server, long deadlineNanos) throws Exception;

  /** Time left until the deadline, at least a millisecond so that it can be used as a timeout. */
  static Duration remaining(long deadlineNanos) {
    return Duration.ofNanos(Math.max(1_000_000, deadlineNanos - System.nanoTime()));
  }

  /**
   * How long a request sent now waits for its answer: until the deadline, but at least 10 s
   * (InfluxDB's clients' default), so that a request sent just before the deadline is not
   * counted as unanswered.
   */
  static Duration patience(long deadlineNanos) {
    Duration remaining = remaining(deadlineNanos);
    return remaining.compareTo(MINIMUM_PATIENCE) < 0 ? MINIMUM_PATIENCE : remaining;
  }
}
