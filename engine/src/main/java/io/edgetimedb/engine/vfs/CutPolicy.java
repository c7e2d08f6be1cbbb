package io.edgetimedb.engine.vfs;

/** What a simulated power cut does with writes and directory changes that were not yet synced. */
public enum CutPolicy {
  /** Every pending operation reaches the disk, as if the cut came just after a sync. */
  WRITE_ALL,
  /** Every pending operation is lost. */
  DROP_ALL,
  /**
   * Each pending write is applied, dropped, applied as a prefix torn at a random byte, or applied
   * with random bytes over a random subrange; each pending truncation is applied or dropped; each
   * directory keeps a random prefix of its pending creates, renames and deletes.
   */
  RANDOM
}
