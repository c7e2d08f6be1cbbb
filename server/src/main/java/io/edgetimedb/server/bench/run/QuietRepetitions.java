package io.edgetimedb.server.bench.run;

/**
 * How many times a question runs in the quiet phase: up to {@code most}, but once {@code least}
 * runs are done, no further one starts after {@code budgetNanos} have passed, so a database that
 * takes seconds per answer cannot hold the run for many minutes.
 */
record QuietRepetitions(int least, int most, long budgetNanos) {
  static QuietRepetitions of(RunPlan plan) {
    return new QuietRepetitions(plan.quietMinimumRepetitions(), plan.quietRepetitions(),
        plan.quietBudgetMillis() * 1_000_000);
  }

  /** Whether another run starts after {@code done} runs, {@code elapsedNanos} after the first began. */
  boolean another(int done, long elapsedNanos) {
    return done < most && (done < least || elapsedNanos < budgetNanos);
  }
}
