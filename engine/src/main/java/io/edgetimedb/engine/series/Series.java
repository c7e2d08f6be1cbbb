package io.edgetimedb.engine.series;

import io.edgetimedb.engine.chunk.ChunkDecoder;
import io.edgetimedb.engine.chunk.ChunkEncoder;
import io.edgetimedb.engine.chunk.ColumnVector;
import io.edgetimedb.engine.chunk.HeadChunk;
import io.edgetimedb.engine.chunk.RowBlock;
import io.edgetimedb.engine.chunk.SealedChunk;
import io.edgetimedb.engine.memory.ObjectSizes;
import io.edgetimedb.engine.schema.FieldSchema;
import io.edgetimedb.engine.schema.FieldType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One measurement plus one tag set: a head of the newest rows and the sealed chunks before it,
 * in time order and never overlapping. The monitor of this object guards both; readers take a
 * snapshot (the sealed array and a copy of the head) and decode outside the lock.
 */
public final class Series {
  private static final SealedChunk[] NO_CHUNKS = new SealedChunk[0];

  private final int id;
  private final String measurement;
  private final String[] tagKeys;
  private final String[] tagValues;
  private final int tagHash;
  private final HeadChunk head = new HeadChunk();
  private final LatestValues latest = new LatestValues();
  private final ApplyTurns turns = new ApplyTurns();
  /** True when {@link #latest} must be rebuilt from the rows before it is read (after a delete or restore). */
  private boolean latestStale;
  private SealedChunk[] sealed = NO_CHUNKS;
  private long sealedRows;
  private long sealedBytes;
  private long maxTimestamp = Long.MIN_VALUE;
  private long appliedSequence;
  private long restoredSequence;

  /** Tags sorted by key, distinct; {@code tagHash} is {@link #hashTags} of them. */
  public Series(int id, String measurement, String[] tagKeys, String[] tagValues, int tagHash) {
    this.id = id;
    this.measurement = measurement;
    this.tagKeys = tagKeys;
    this.tagValues = tagValues;
    this.tagHash = tagHash;
  }

  /** Hash of a sorted tag set; equal sets hash equally however they were built. */
  public static int hashTags(String[] keys, String[] values, int from, int n) {
    int h = 1;
    for (int i = from; i < from + n; i++) {
      h = 31 * (31 * h + keys[i].hashCode()) + values[i].hashCode();
    }
    return h ^ (h >>> 16);
  }

  public int id() {
    return id;
  }

  public String measurement() {
    return measurement;
  }

  public int tagHash() {
    return tagHash;
  }

  /** The order in which a durable database's logged changes reach this series. */
  public ApplyTurns turns() {
    return turns;
  }

  public int tagCount() {
    return tagKeys.length;
  }

  public String tagKey(int i) {
    return tagKeys[i];
  }

  public String tagValue(int i) {
    return tagValues[i];
  }

  /** The value of a tag key, or null when the series lacks it. */
  public String tag(String key) {
    for (int i = 0; i < tagKeys.length; i++) {
      if (tagKeys[i].equals(key)) {
        return tagValues[i];
      }
    }
    return null;
  }

  /** True when the series has exactly this tag set (the range [from, from + n) of the arrays). */
  public boolean hasTags(String[] keys, String[] values, int from, int n) {
    if (n != tagKeys.length) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (!tagKeys[i].equals(keys[from + i]) || !tagValues[i].equals(values[from + i])) {
        return false;
      }
    }
    return true;
  }

  /**
   * Writes one point. Returns null when it was applied, or why it was refused: a point older
   * than the newest one by more than {@code outOfOrderWindow} ms is refused whole.
   *
   * <p>{@code sequence} is the write-ahead log sequence of the point's batch (0 when not
   * logged). A point of a batch the checkpoint this series was restored from already holds is
   * skipped, so replaying the log over that checkpoint never applies it twice.
   */
  public synchronized String write(long ts, FieldValues fields, long outOfOrderWindow, int chunkRows,
      ChunkEncoder encoder, ChunkDecoder decoder, long sequence) {
    if (sequence != 0 && sequence <= restoredSequence) {
      return null;
    }
    appliedSequence = Math.max(appliedSequence, sequence);
    if (ts < oldestAccepted(outOfOrderWindow)) {
      return "timestamp " + ts + " is " + Long.toUnsignedString(maxTimestamp - ts)
          + " ms older than the newest point of the series (out-of-order window " + outOfOrderWindow + " ms)";
    }
    if (headNeedsWidening(fields)) {
      seal(encoder);
    }
    if (sealed.length > 0 && ts <= sealed[sealed.length - 1].maxTimestamp()) {
      mergeIntoSealed(ts, fields, encoder, decoder);
    } else {
      setFields(head, head.rowFor(ts), fields);
      if (head.rows() >= chunkRows) {
        seal(encoder);
      }
    }
    latest.offer(ts, fields);
    maxTimestamp = Math.max(maxTimestamp, ts);
    return null;
  }

  /** The oldest timestamp the window still accepts; saturates instead of overflowing. */
  private long oldestAccepted(long outOfOrderWindow) {
    return maxTimestamp < Long.MIN_VALUE + outOfOrderWindow ? Long.MIN_VALUE : maxTimestamp - outOfOrderWindow;
  }

  /**
   * True when a field of the point has widened past the type its head column stores. The head
   * is then sealed first, so every value keeps the type it was written as and reads back cast
   * from that type, wherever it sits.
   */
  private boolean headNeedsWidening(FieldValues fields) {
    if (head.isEmpty()) {
      return false;
    }
    for (int i = 0; i < fields.fieldCount(); i++) {
      FieldSchema field = fields.field(i);
      ColumnVector column = head.column(field.id());
      if (column != null && column.presentCount() > 0 && column.type() != field.type()) {
        return true;
      }
    }
    return false;
  }

  private static void setFields(HeadChunk target, int row, FieldValues fields) {
    for (int i = 0; i < fields.fieldCount(); i++) {
      FieldSchema field = fields.field(i);
      target.columnFor(field.id(), field.type()).set(row, fields.valueType(i), fields.bits(i), fields.ref(i));
    }
  }

  private void seal(ChunkEncoder encoder) {
    SealedChunk chunk = encoder.encode(head);
    SealedChunk[] next = Arrays.copyOf(sealed, sealed.length + 1);
    next[sealed.length] = chunk;
    sealed = next;
    sealedRows += chunk.rows();
    sealedBytes += chunk.bytesHeld();
    head.reset();
  }

  /**
   * A late point inside the sealed range: the chunk whose span it falls into (or the nearest
   * one before it) is decoded, updated and sealed again, so chunks never overlap. Rare, so it
   * may allocate.
   */
  private void mergeIntoSealed(long ts, FieldValues fields, ChunkEncoder encoder, ChunkDecoder decoder) {
    int index = chunkIndexFor(ts);
    SealedChunk old = sealed[index];
    HeadChunk merged = decoder.toHead(old);
    setFields(merged, merged.rowFor(ts), fields);
    SealedChunk replacement = encoder.encode(merged);
    SealedChunk[] next = sealed.clone();
    next[index] = replacement;
    sealed = next;
    sealedRows += replacement.rows() - old.rows();
    sealedBytes += replacement.bytesHeld() - old.bytesHeld();
  }

  private int chunkIndexFor(long ts) {
    int lo = 0;
    int hi = sealed.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (sealed[mid].minTimestamp() <= ts) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return lo;
  }

  /**
   * Takes a consistent view for a reader: copies the head rows in [from, to) into
   * {@code headCopy} and returns the sealed chunks as they are now. A reader that wants at
   * most {@code limit} rows (negative: all) from the newest end ({@code newestFirst}) or the
   * oldest gets only those head rows copied, so "latest N" of a series costs N rows. The
   * newest row alone, when the range holds it, comes from the values the write path keeps, so
   * it costs no chunk decode even right after the head was sealed.
   */
  public synchronized SealedChunk[] snapshot(long from, long to, RowBlock headCopy, boolean newestFirst, long limit) {
    if (newestFirst && limit == 1 && holdsNewestRowIn(from, to)) {
      copyNewestRow(headCopy);
      return NO_CHUNKS;
    }
    int lo = head.lowerBound(from);
    int hi = Math.max(lo, to == Long.MAX_VALUE ? head.rows() : head.lowerBound(to));
    if (limit >= 0 && hi - lo > limit) {
      if (newestFirst) {
        lo = hi - (int) limit;
      } else {
        hi = lo + (int) limit;
      }
    }
    headCopy.copy(head, lo, hi);
    return sealed;
  }

  private boolean holdsNewestRowIn(long from, long to) {
    return points() > 0 && maxTimestamp >= from && (to == Long.MAX_VALUE || maxTimestamp < to);
  }

  /** The row at the newest timestamp: each field whose newest value was written at that time. */
  private void copyNewestRow(RowBlock block) {
    if (latestStale) {
      rebuildLatest(new ChunkDecoder());
    }
    block.singleRow(maxTimestamp);
    for (int i = 0; i < block.fieldCount(); i++) {
      latest.copyInto(block, i, maxTimestamp);
    }
  }

  /**
   * Deletes the rows with timestamps in [from, to): whole chunks inside the range are dropped,
   * chunks cut by it are decoded, trimmed and sealed again. Returns the rows deleted. The
   * sequence is that of {@link #write}.
   */
  public synchronized long delete(long from, long to, ChunkEncoder encoder, ChunkDecoder decoder, long sequence) {
    if (sequence != 0 && sequence <= restoredSequence) {
      return 0;
    }
    appliedSequence = Math.max(appliedSequence, sequence);
    long deleted = head.deleteRange(from, to);
    List<SealedChunk> kept = new ArrayList<>(sealed.length);
    for (SealedChunk chunk : sealed) {
      if (!chunk.overlaps(from, to)) {
        kept.add(chunk);
        continue;
      }
      HeadChunk trimmed = decoder.toHead(chunk);
      deleted += trimmed.deleteRange(from, to);
      if (!trimmed.isEmpty()) {
        kept.add(encoder.encode(trimmed));
      }
    }
    if (kept.size() != sealed.length || deleted > 0) {
      replaceSealed(kept.toArray(NO_CHUNKS));
      latestStale = true;
    }
    return deleted;
  }

  private void replaceSealed(SealedChunk[] chunks) {
    sealed = chunks;
    sealedRows = 0;
    sealedBytes = 0;
    for (SealedChunk chunk : chunks) {
      sealedRows += chunk.rows();
      sealedBytes += chunk.bytesHeld();
    }
    if (!head.isEmpty()) {
      maxTimestamp = head.maxTimestamp();
    } else {
      maxTimestamp = chunks.length > 0 ? chunks[chunks.length - 1].maxTimestamp() : Long.MIN_VALUE;
    }
  }

  /** Rows held, sealed and in the head. */
  public synchronized long points() {
    return sealedRows + head.rows();
  }

  public synchronized long headBytes() {
    return head.bytesHeld();
  }

  public synchronized long chunkBytes() {
    return sealed.length == 0 ? 0 : sealedBytes + ObjectSizes.referenceArray(sealed.length);
  }

  public synchronized int sealedChunkCount() {
    return sealed.length;
  }

  /**
   * Heap bytes of this object, its tag arrays, its apply turns and its latest values; the tag
   * strings are counted by the dictionary.
   */
  public synchronized long ownBytes() {
    return ObjectSizes.object(4 + 4 + 1 + 5 * 8 + 7 * ObjectSizes.REFERENCE) + ObjectSizes.object(8 + 8 + 4)
        + 2 * ObjectSizes.referenceArray(tagKeys.length) + latest.bytesHeld();
  }

  /**
   * The series as a checkpoint stores it; the head is encoded, not sealed, so it keeps filling.
   * The caller holds a turn of this series ({@link #turns}), so no batch is half-applied to the image.
   */
  public synchronized SeriesImage image(ChunkEncoder encoder) {
    SealedChunk headChunk = head.isEmpty() ? null : encoder.encode(head);
    return new SeriesImage(sealed, headChunk, appliedSequence, maxTimestamp);
  }

  /** Loads a checkpoint's image into this new, empty series. */
  public synchronized void restore(SeriesImage image, ChunkDecoder decoder) {
    replaceSealed(image.sealed().clone());
    if (image.head() != null) {
      head.loadFrom(decoder.toHead(image.head()));
    }
    appliedSequence = image.appliedSequence();
    restoredSequence = image.appliedSequence();
    maxTimestamp = image.maxTimestamp();
    latestStale = true;
  }

  /**
   * Fills {@code timestamps} and {@code values} with the newest value of each field id asked
   * for, boxed in the given (current) type; a field the series holds no value of gets a null
   * value. Rebuilt from the rows first when a delete or a restore made the kept values stale.
   */
  public synchronized void latest(int[] fieldIds, FieldType[] readTypes, ChunkDecoder decoder, long[] timestamps,
      Object[] values) {
    if (latestStale) {
      rebuildLatest(decoder);
    }
    for (int i = 0; i < fieldIds.length; i++) {
      boolean held = latest.has(fieldIds[i]);
      timestamps[i] = held ? latest.timestamp(fieldIds[i]) : Long.MIN_VALUE;
      values[i] = held ? latest.value(fieldIds[i], readTypes[i]) : null;
    }
  }

  /**
   * The head holds the newest rows and chunks never overlap, so walking the head, then the
   * chunks newest first, finds each field's newest value the first time the field is met.
   */
  private void rebuildLatest(ChunkDecoder decoder) {
    latest.clear();
    latest.fillFrom(head);
    for (int i = sealed.length - 1; i >= 0; i--) {
      if (holdsUnseenField(sealed[i])) {
        latest.fillFrom(decoder.toHead(sealed[i]));
      }
    }
    latestStale = false;
  }

  private boolean holdsUnseenField(SealedChunk chunk) {
    for (int column = 0; column < chunk.columnCount(); column++) {
      if (chunk.presentRows(column) > 0 && !latest.has(chunk.fieldId(column))) {
        return true;
      }
    }
    return false;
  }

  /** Seals whatever the head holds, e.g. before measuring compression; a no-op on an empty head. */
  public synchronized void sealHead(ChunkEncoder encoder) {
    if (!head.isEmpty()) {
      seal(encoder);
    }
  }
}
