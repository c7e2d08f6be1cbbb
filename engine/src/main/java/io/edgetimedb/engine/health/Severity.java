package io.edgetimedb.engine.health;

/** How bad a {@link HealthCondition} is; later constants are worse. */
public enum Severity {
  /** Everything works, but not as configured or intended (a failed checkpoint, an open server). */
  DEGRADED,
  /** Data was found damaged or lost; what is left works. */
  DAMAGED,
  /** Writes cannot succeed (a failed log, no disk space for the log). */
  UNAVAILABLE;

  /** The word {@code /health} reports for a database whose worst condition is this one. */
  public String status() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
