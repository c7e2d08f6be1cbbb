package io.edgetimedb.bench.chaos;

/**
 * One hostile client of the chaos run. It runs beside the steady feed until it is done or its
 * deadline passes, whichever is first, and leaves nothing of its own open behind it except what
 * it abandons on purpose (an abandoned query is the attack); what it saw comes back as one line
 * for the report: what the server did with it, and where that was counted.
 */
interface Attack {
  /** The name the report and {@code --attacks} use. */
  String name();

  /** What it sends, for the report and docs/chaos.md. */
  String description();

  /** Runs until done or until {@code System.nanoTime()} passes {@code deadlineNanos}. */
  String run(ServerProcess server, long deadlineNanos) throws Exception;

  /** Time left until the deadline, at least a millisecond so that it can be used as a timeout. */
  static java.time.Duration remaining(long deadlineNanos) {
    return java.time.Duration.ofNanos(Math.max(1_000_000, deadlineNanos - System.nanoTime()));
  }
}
