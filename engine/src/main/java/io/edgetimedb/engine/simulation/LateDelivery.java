package io.edgetimedb.engine.simulation;

import io.edgetimedb.engine.write.PointBatch;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Readings held back on their way, as a buffering gateway or a retrying link delivers them: a
 * held reading keeps its timestamp and is released a few ticks later, after newer ones.
 */
final class LateDelivery {
  private final double share;
  private final int maxDelayTicks;
  private final SplittableRandom random;
  private PointBatch held = new PointBatch();
  private PointBatch kept = new PointBatch();
  private long[] dueTick = new long[64];
  private long[] keptDue = new long[64];

  LateDelivery(double share, int maxDelayTicks, long seed) {
    if (share < 0 || share > 1 || maxDelayTicks < 1) {
      throw new IllegalArgumentException("late delivery needs a share in [0, 1] and a delay of at least one tick, not "
          + share + " and " + maxDelayTicks);
    }
    this.share = share;
    this.maxDelayTicks = maxDelayTicks;
    this.random = new SplittableRandom(seed);
  }

  /** Moves the batch's last point into the hold, by chance. */
  void maybeHoldLast(long tick, PointBatch batch) {
    if (random.nextDouble() >= share) {
      return;
    }
    int slot = held.size();
    if (slot == dueTick.length) {
      dueTick = Arrays.copyOf(dueTick, slot * 2);
    }
    held.addPointFrom(batch, batch.size() - 1);
    dueTick[slot] = tick + 1 + random.nextInt(maxDelayTicks);
    batch.dropLastPoint();
  }

  /** Appends the held points due by this tick to the batch and keeps the rest held. */
  void releaseDue(long tick, PointBatch batch) {
    kept.clear();
    if (keptDue.length < dueTick.length) {
      keptDue = new long[dueTick.length];
    }
    int stillHeld = 0;
    for (int p = 0; p < held.size(); p++) {
      if (dueTick[p] <= tick) {
        batch.addPointFrom(held, p);
      } else {
        kept.addPointFrom(held, p);
        keptDue[stillHeld++] = dueTick[p];
      }
    }
    PointBatch swap = held;
    held = kept;
    kept = swap;
    long[] swapDue = dueTick;
    dueTick = keptDue;
    keptDue = swapDue;
  }
}
