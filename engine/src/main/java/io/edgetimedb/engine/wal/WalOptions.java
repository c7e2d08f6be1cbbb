package io.edgetimedb.engine.wal;

/**
 * Settings of a {@link WriteAheadLog}.
 *
 * @param fsyncPolicy when an append returns relative to the fsync covering it
 * @param groupCommitMillis shortest time between two background fsyncs under OS, so the most an
 *     OS-policy acknowledgement may precede its fsync (GROUP fsyncs as soon as a writer waits)
 * @param segmentBytes size of a segment file: each is zero-filled to this size before use, and
 *     the log starts a new one when the next record would not fit
 * @param spareInBackground whether the next segment's zeros are written and fsynced by a
 *     background thread (the default) or by the writer that used up the previous spare; tests
 *     that count file operations turn it off to keep the count the same from run to run
 */
public record WalOptions(FsyncPolicy fsyncPolicy, long groupCommitMillis, long segmentBytes,
    boolean spareInBackground) {

  /** Default segment size: 64 MiB. */
  public static final long DEFAULT_SEGMENT_BYTES = 64L << 20;

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
    if (segmentBytes <= WalSegmentFormat.HEADER_BYTES || segmentBytes > MAX_SEGMENT_BYTES) {
      throw new IllegalArgumentException(
          "segmentBytes must be in (" + WalSegmentFormat.HEADER_BYTES + ", " + MAX_SEGMENT_BYTES
              + "]: " + segmentBytes);
    }
  }

  /** GROUP policy, 10 ms group commit, 64 MiB segments, the next one prepared in the background. */
  public static WalOptions defaults() {
    return new WalOptions(FsyncPolicy.GROUP, DEFAULT_GROUP_COMMIT_MILLIS, DEFAULT_SEGMENT_BYTES, true);
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
