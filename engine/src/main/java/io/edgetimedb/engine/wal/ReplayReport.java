package io.edgetimedb.engine.wal;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What a replay found and repaired.
 *
 * @param recordsReplayed number of records handed to the consumer
 * @param lastSequence sequence of the last record replayed, or of the record before the
 *     log's first one when nothing was replayed (0 for an empty log)
 * @param tornTail set when the end of the last segment held an incomplete record, which was cut
 *     away; expected after a power cut, and only unacknowledged records can be in it
 * @param corruption set when replay stopped at damage that a power cut cannot explain
 */
public record ReplayReport(
    long recordsReplayed,
    long lastSequence,
    Optional<TornTail> tornTail,
    Optional<Corruption> corruption) {

  /** Sequence the next appended record gets. */
  public long nextSequence() {
    return lastSequence + 1;
  }

  /** Whether the log was read to its end without finding anything to repair. */
  public boolean isClean() {
    return tornTail.isEmpty() && corruption.isEmpty();
  }

  /**
   * An incomplete record at the end of the last segment, removed by truncation (or, when the
   * segment's own header was incomplete, by deleting the segment).
   *
   * @param segment the segment file
   * @param offset where the incomplete record started, now the end of the file
   * @param droppedBytes how many bytes were cut away
   * @param kind what made the record incomplete
   */
  public record TornTail(Path segment, long offset, long droppedBytes, DamageKind kind) { }

  /**
   * Damage that stopped the replay before the end of the log. Nothing at or after it was
   * replayed. The damaged segment and every later one were set aside under new names (never
   * deleted) so an operator can salvage them; the intact records before the damage stay in the
   * log, so appends continue right after the last replayed record.
   *
   * @param segment the damaged segment file
   * @param offset byte offset of the damaged record (0 for a bad segment header)
   * @param kind what was wrong
   * @param firstSequenceNotReplayed the sequence the damaged record should have had
   * @param bytesNotReplayed bytes from the damage to the end of the log, all segments included
   * @param setAside where the damaged segment and the later ones now are
   * @param onlyCoveredRecordsFollow whether every intact record after the damage is one the
   *     replay was not asked for (a checkpoint holds it): the damage is in the last segment and
   *     no record from the replay's start sequence on can be found beyond it, so nothing is lost
   *     unless a second damage hides such a record
   */
  public record Corruption(
      Path segment,
      long offset,
      DamageKind kind,
      long firstSequenceNotReplayed,
      long bytesNotReplayed,
      List<Path> setAside,
      boolean onlyCoveredRecordsFollow) { }
}
