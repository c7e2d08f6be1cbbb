package io.edgetimedb.engine.wal;

/** What recovery found wrong at the point where it stopped reading. */
public enum DamageKind {
  /** The segment file is shorter than its header, or the header is not a valid one. */
  BAD_SEGMENT_HEADER,
  /** Fewer bytes remain than a record header needs. */
  SHORT_RECORD_HEADER,
  /** A record header of zero bytes, as left when a file grew but its data never hit the disk. */
  ZERO_FILLED,
  /** The record's length runs past the end of the file. */
  SHORT_PAYLOAD,
  /** The record is complete but its CRC32C does not match. */
  CHECKSUM_MISMATCH,
  /** The record (or segment) is intact but does not carry the next sequence number. */
  SEQUENCE_GAP
}
