package io.edgetimedb.engine.index;

import org.roaringbitmap.ContainerPointer;
import org.roaringbitmap.RoaringBitmap;

/**
 * Heap sizes of the objects a {@link TagIndex} holds, for 64-bit HotSpot with compressed oops and
 * compressed class pointers: 12-byte object headers, 4-byte references, 16-byte array headers,
 * 8-byte alignment. That is the JVM default for heaps under 32 GB, which covers every edge box.
 * The figures match JOL's on JDK 17; TagIndexFootprintTest holds them to it.
 */
final class CompressedOopsLayout {

  private static final long REFERENCE = 4;
  private static final long ARRAY_HEADER = 16;
  private static final long ALIGNMENT = 8;

  /** HashMap: header, four references (table, entrySet, keySet, values), three ints, one float. */
  private static final long HASH_MAP = 48;
  /** HashMap.Node: header, int hash, key, value, next. */
  private static final long HASH_MAP_NODE = 32;
  /** Capacity of the first table HashMap allocates. */
  private static final int HASH_MAP_FIRST_TABLE = 16;
  private static final double HASH_MAP_LOAD_FACTOR = 0.75;

  /** TreeMap: header, seven references, two ints. */
  private static final long TREE_MAP = 48;
  /** TreeMap.Entry: header, five references (key, value, left, right, parent), boolean colour. */
  private static final long TREE_MAP_ENTRY = 40;

  /** RoaringBitmap: header and its RoaringArray reference. */
  private static final long ROARING_BITMAP = 16;
  /** RoaringArray: header, keys and values references, int size. */
  private static final long ROARING_ARRAY = 24;
  /** RoaringArray reserves this many container slots before its first container. */
  private static final int ROARING_ARRAY_FIRST_SLOTS = 4;
  /** Array-, Bitmap- and RunContainer alike: header, one backing-array reference, one int. */
  private static final long CONTAINER = 24;

  /**
   * The TagIndex object (three references) plus its ReentrantReadWriteLock, read and write lock
   * views, NonfairSync and ThreadLocalHoldCounter. Contended readers can add a HoldCounter or a
   * queue node of a few dozen bytes, which this leaves out.
   */
  static final long TAG_INDEX_WITH_LOCK = 24 + 24 + 16 + 16 + 48 + 16;

  private CompressedOopsLayout() {}

  /** A HashMap of {@code size} entries, its table and nodes; not the keys and values. */
  static long hashMap(int size) {
    return HASH_MAP + (size == 0 ? 0 : array(REFERENCE, hashTableCapacity(size))) + size * HASH_MAP_NODE;
  }

  /** A TreeMap of {@code size} entries; not the keys and values. */
  static long treeMap(int size) {
    return TREE_MAP + size * TREE_MAP_ENTRY;
  }

  /**
   * A RoaringBitmap with its RoaringArray, key and container arrays, and containers. Backing
   * arrays are counted at the size their content needs: Roaring grows them with up to 50% slack
   * that its public API does not reveal, so a bitmap that just grew is undercounted by that slack.
   */
  static long bitmap(RoaringBitmap bitmap) {
    int containers = 0;
    long containerBytes = 0;
    for (ContainerPointer p = bitmap.getContainerPointer(); p.getContainer() != null; p.advance()) {
      containers++;
      containerBytes += CONTAINER + array(1, p.getContainer().getArraySizeInBytes());
    }
    int slots = Math.max(ROARING_ARRAY_FIRST_SLOTS, containers);
    return ROARING_BITMAP + ROARING_ARRAY + array(Character.BYTES, slots) + array(REFERENCE, slots) + containerBytes;
  }

  private static int hashTableCapacity(int size) {
    int capacity = HASH_MAP_FIRST_TABLE;
    while (size > capacity * HASH_MAP_LOAD_FACTOR) {
      capacity *= 2;
    }
    return capacity;
  }

  private static long array(long elementBytes, long length) {
    return align(ARRAY_HEADER + elementBytes * length);
  }

  private static long align(long bytes) {
    return (bytes + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
  }
}
