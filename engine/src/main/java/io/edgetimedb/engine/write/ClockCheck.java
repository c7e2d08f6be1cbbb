package io.edgetimedb.engine.write;

import io.edgetimedb.engine.settings.DurationText;
import io.edgetimedb.engine.write.ClockPolicy.OutOfBounds;
import io.edgetimedb.engine.write.ClockPolicy.Stamping;
import java.time.Instant;
import java.util.Arrays;

/**
 * Applies the {@link ClockPolicy} to a batch before its points are checked against the schema:
 * stamps points with the receive time, clamps or marks the points beyond a bound, and tallies
 * what it did for the batch's source. Every way in (line protocol over HTTP, TCP, UDP, MQTT,
 * JDBC INSERT, import) reaches the engine through {@link BatchWriter}, so this is the one place
 * the policy is applied. Stamped and clamped timestamps are changed in the batch itself, before
 * the log record is encoded, so a replay writes the same points and never applies the policy
 * again (the receive time would be the replay's).
 *
 * <p>A point's verdict stays until the next batch, so that a durable write re-checking its batch
 * against a changed schema refuses the same points without clamping or counting twice. One per
 * {@link BatchWriter}; allocates nothing unless a point is refused (its reason).
 */
public final class ClockCheck {
  private static final byte IN_BOUNDS = 0;
  private static final byte TOO_NEW = 1;
  private static final byte TOO_OLD = 2;
  private static final byte MISSING = 3;

  private byte[] verdicts = new byte[0];
  private ClockPolicy policy = ClockPolicy.TRUSTING;
  private long received;
  private long latest;
  private long earliest;
  private int tooNew;
  private int tooOld;
  private int clamped;
  private int stamped;
  private long newestSent;
  private boolean anySent;

  /** Judges every point of {@code batch} against {@code policy}, for a batch received at {@code receivedMillis}. */
  void apply(PointBatch batch, ClockPolicy policy, long receivedMillis) {
    start(batch.size(), policy, receivedMillis);
    latest = policy.futureBoundMillis() == 0 ? Long.MAX_VALUE : saturatedAdd(received, policy.futureBoundMillis());
    earliest = policy.pastBoundMillis() == 0 ? Long.MIN_VALUE : saturatedAdd(received, -policy.pastBoundMillis());
    boolean stampAll = policy.stampsAll(batch.source());
    for (int p = 0; p < batch.size(); p++) {
      verdicts[p] = judge(batch, p, stampAll);
    }
  }

  /** Takes every timestamp as it is: for a log replay, whose points passed the policy when first written. */
  void trustAll(int points, long nowMillis) {
    start(points, ClockPolicy.TRUSTING, nowMillis);
  }

  private void start(int points, ClockPolicy policy, long receivedMillis) {
    if (verdicts.length < points) {
      verdicts = new byte[Math.max(points, 2 * verdicts.length)];
    }
    Arrays.fill(verdicts, 0, points, IN_BOUNDS);
    this.policy = policy;
    received = receivedMillis;
    tooNew = 0;
    tooOld = 0;
    clamped = 0;
    stamped = 0;
    anySent = false;
  }

  private byte judge(PointBatch batch, int p, boolean stampAll) {
    long ts = batch.timestamp(p);
    if (ts == PointBatch.NO_TIMESTAMP) {
      return stampAll || policy.stamping() != Stamping.NEVER ? stamp(batch, p) : MISSING;
    }
    newestSent = anySent ? Math.max(newestSent, ts) : ts;
    anySent = true;
    if (stampAll) {
      return stamp(batch, p);
    }
    if (ts > latest) {
      return outOfBounds(batch, p, latest, TOO_NEW);
    }
    return ts < earliest ? outOfBounds(batch, p, earliest, TOO_OLD) : IN_BOUNDS;
  }

  private byte stamp(PointBatch batch, int p) {
    batch.timestamp(p, received);
    stamped++;
    return IN_BOUNDS;
  }

  private byte outOfBounds(PointBatch batch, int p, long bound, byte verdict) {
    if (policy.outOfBounds() == OutOfBounds.CLAMP) {
      batch.timestamp(p, bound);
      clamped++;
      return IN_BOUNDS;
    }
    if (verdict == TOO_NEW) {
      tooNew++;
    } else {
      tooOld++;
    }
    return verdict;
  }

  /** Why point {@code p} of the judged batch is refused by the policy, or null. */
  String problem(PointBatch batch, int p) {
    return switch (verdicts[p]) {
      case TOO_NEW -> "timestamp " + Instant.ofEpochMilli(batch.timestamp(p)) + " is more than "
          + DurationText.format(policy.futureBoundMillis()) + " ahead of the receive time "
          + Instant.ofEpochMilli(received) + " (future bound, ingest.future-bound)";
      case TOO_OLD -> "timestamp " + Instant.ofEpochMilli(batch.timestamp(p)) + " is more than "
          + DurationText.format(policy.pastBoundMillis()) + " behind the receive time "
          + Instant.ofEpochMilli(received) + " (past bound, ingest.past-bound)";
      case MISSING -> "point has no timestamp and ingest.receive-time-stamp is never";
      default -> null;
    };
  }

  /** The receive time the last batch was judged against. */
  public long receivedMillis() {
    return received;
  }

  /** Points of the last batch refused for a timestamp beyond the future bound. */
  public int tooNew() {
    return tooNew;
  }

  /** Points of the last batch refused for a timestamp beyond the past bound. */
  public int tooOld() {
    return tooOld;
  }

  /** Points of the last batch written at a bound instead of their own timestamp. */
  public int clamped() {
    return clamped;
  }

  /** Points of the last batch that took the receive time as their timestamp. */
  public int stamped() {
    return stamped;
  }

  /** Whether any point of the last batch came with its own timestamp (see {@link #newestSent()}). */
  public boolean anySent() {
    return anySent;
  }

  /** The newest timestamp the sender gave in the last batch, before any stamping or clamping. */
  public long newestSent() {
    return newestSent;
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    if (((a ^ sum) & (b ^ sum)) < 0) {
      return b > 0 ? Long.MAX_VALUE : Long.MIN_VALUE + 1;
    }
    return sum;
  }
}
