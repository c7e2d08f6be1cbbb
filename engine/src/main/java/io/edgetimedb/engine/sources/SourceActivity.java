package io.edgetimedb.engine.sources;

import io.edgetimedb.engine.write.ClockCheck;

/** The running counts of one source, kept by {@link TrackedSources} under its lock. */
final class SourceActivity {
  private final long firstSeen;
  private long lastSeen;
  private long accepted;
  private long rejectedFuture;
  private long rejectedPast;
  private long rejectedOther;
  private long rejectedLimit;
  private long clamped;
  private long stamped;
  private final ClockOffsetEstimate offset = new ClockOffsetEstimate();

  SourceActivity(long firstSeenMillis) {
    this.firstSeen = firstSeenMillis;
    this.lastSeen = firstSeenMillis;
  }

  /**
   * Counts one batch: {@code accepted} points written, {@code rejected} refused ({@code
   * refusedByLimits} of them by ingest.max-fields or ingest.max-series), what its clock check did.
   */
  void record(int accepted, int rejected, int refusedByLimits, ClockCheck clock) {
    lastSeen = Math.max(lastSeen, clock.receivedMillis());
    this.accepted += accepted;
    rejectedFuture += clock.tooNew();
    rejectedPast += clock.tooOld();
    rejectedOther += rejected - clock.tooNew() - clock.tooOld() - refusedByLimits;
    rejectedLimit += refusedByLimits;
    clamped += clock.clamped();
    stamped += clock.stamped();
    if (clock.anySent()) {
      offset.add(clock.newestSent(), clock.receivedMillis());
    }
  }

  long lastSeen() {
    return lastSeen;
  }

  SourceStatus status(String source) {
    return new SourceStatus(source, firstSeen, lastSeen, accepted, rejectedFuture, rejectedPast, rejectedOther,
        rejectedLimit, clamped, stamped, offset.millis());
  }
}
