package io.edgetimedb.engine.wal;

/**
 * Settings of a {@link WriteAheadLog}.
 *
 * @param fsyncPolicy when an append returns relative to the fsync covering it
 * @param groupCommitMillis shortest time between two background fsyncs under OS, so the most an
 *     OS-policy acknowledgement may precede its fsync (GROUP fsyncs as soon as a writer waits)
 * @param segmentBytes size of a segment file: each is zero-filled to this size before use, and
 *     the log starts a new one when the next record would not fit; {@link #ADAPTIVE_SEGMENT_BYTES}
 *     (the default) for a size fitted to the disk when the log opens ({@link #segmentBytesFor})
 * @param spareInBackground whether the next segment's zeros are written and fsynced by a
 *     background thread (the default) or by the writer that used up the previous spare; tests
 *     that count file operations turn it off to keep the count the same from run to run
 */
public record WalOptions(FsyncPolicy fsyncPolicy, long groupCommitMillis, long segmentBytes,
    boolean spareInBackground) {

  /** Largest segment size chosen for a disk with room: 64 MiB. */
  public static final long DEFAULT_SEGMENT_BYTES = 64L << 20;

  /** The segment size that says "fit it to the disk": see {@link #segmentBytesFor}. */
  public static final long ADAPTIVE_SEGMENT_BYTES = 0;

  /** Smallest segment size chosen for a nearly full disk: 1 MiB. */
  public static final long MIN_ADAPTIVE_SEGMENT_BYTES = 1L << 20;

  /**
   * An adaptive segment takes at most this share (1/16) of the space free at open: the log holds
   * a spare segment beside the one in use plus the segments written since the last checkpoint,
   * and the checkpoint itself needs room too.
   */
  public static final int FREE_SPACE_SHARE = 16;

  /** Largest segment size: 1 GiB, so that recovery can address a segment with {@code int}s. */
  public static final long MAX_SEGMENT_BYTES = 1L << 30;

  /** Default group-commit interval: 10 ms. */
  public static final long DEFAULT_GROUP_COMMIT_MILLIS = 10;

  /** Validates the settings. */
  public WalOptions {
    if (fsyncPolicy == null) {
      throw new IllegalArgumentException("fsyncPolicy is required");
    }
    if (groupCommitMillis < 0) {
      throw new IllegalArgumentException("groupCommitMillis must be >= 0: " + groupCommitMillis);
    }
    boolean sized = segmentBytes > WalSegmentFormat.HEADER_BYTES && segmentBytes <= MAX_SEGMENT_BYTES;
    if (!sized && segmentBytes != ADAPTIVE_SEGMENT_BYTES) {
      throw new IllegalArgumentException(
          "segmentBytes must be in (" + WalSegmentFormat.HEADER_BYTES + ", " + MAX_SEGMENT_BYTES
              + "], or " + ADAPTIVE_SEGMENT_BYTES + " to fit the disk: " + segmentBytes);
    }
  }

  /**
   * GROUP policy, 10 ms group commit, segments fitted to the disk (64 MiB where there is room),
   * the next one prepared in the background.
   */
  public static WalOptions defaults() {
    return new WalOptions(FsyncPolicy.GROUP, DEFAULT_GROUP_COMMIT_MILLIS, ADAPTIVE_SEGMENT_BYTES, true);
  }

  /** Whether the segment size is fitted to the disk at open rather than set. */
  public boolean adaptiveSegmentSize() {
    return segmentBytes == ADAPTIVE_SEGMENT_BYTES;
  }

  /**
   * The segment size for a log on a disk with {@code freeBytes} free: the set size, or an
   * adaptive one of 1/16 of the free space between 1 MiB and 64 MiB. A fixed 64 MiB could not
   * even be reserved on a small disk that a failed checkpoint had filled, and the database
   * would not start; 1 MiB still holds a record of 1,000 points many times over.
   */
  public long segmentBytesFor(long freeBytes) {
    if (!adaptiveSegmentSize()) {
      return segmentBytes;
    }
    return Math.max(MIN_ADAPTIVE_SEGMENT_BYTES, Math.min(DEFAULT_SEGMENT_BYTES, freeBytes / FREE_SPACE_SHARE));
  }

  /** A copy with another fsync policy. */
  public WalOptions withFsyncPolicy(FsyncPolicy policy) {
    return new WalOptions(policy, groupCommitMillis, segmentBytes, spareInBackground);
  }

  /** A copy with another group-commit interval. */
  public WalOptions withGroupCommitMillis(long millis) {
    return new WalOptions(fsyncPolicy, millis, segmentBytes, spareInBackground);
  }

  /** A copy with another segment size. */
  public WalOptions withSegmentBytes(long bytes) {
    return new WalOptions(fsyncPolicy, groupCommitMillis, bytes, spareInBackground);
  }

  /** A copy that prepares the next segment in the background, or not. */
  public WalOptions withSpareInBackground(boolean inBackground) {
    return new WalOptions(fsyncPolicy, groupCommitMillis, segmentBytes, inBackground);
  }
}
