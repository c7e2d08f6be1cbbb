package io.edgetimedb.engine.series;

import io.edgetimedb.engine.memory.ObjectSizes;

/**
 * The series of one measurement by tag set: an open-addressing hash table probed with the
 * write path's own tag arrays, so finding a series allocates nothing. Writers insert under the
 * table's lock; lookups read without it, and a lookup that races an insert or a resize and
 * misses simply retries under the lock.
 */
public final class SeriesTable {
  private volatile Series[] slots = new Series[16];
  private int size;

  /** The series with exactly this sorted tag set, or null. */
  public Series find(int hash, String[] keys, String[] values, int from, int n) {
    Series[] table = slots;
    int mask = table.length - 1;
    for (int i = hash & mask; ; i = (i + 1) & mask) {
      Series s = table[i];
      if (s == null) {
        return null;
      }
      if (s.tagHash() == hash && s.hasTags(keys, values, from, n)) {
        return s;
      }
    }
  }

  /** Adds a series; the caller holds this table's lock and checked it is absent. */
  public void insert(Series series) {
    if (2 * (size + 1) > slots.length) {
      resize();
    }
    place(slots, series);
    size++;
  }

  public int size() {
    return size;
  }

  private static void place(Series[] table, Series series) {
    int mask = table.length - 1;
    int i = series.tagHash() & mask;
    while (table[i] != null) {
      i = (i + 1) & mask;
    }
    table[i] = series;
  }

  private void resize() {
    Series[] bigger = new Series[slots.length * 2];
    for (Series s : slots) {
      if (s != null) {
        place(bigger, s);
      }
    }
    slots = bigger;
  }

  public long bytesHeld() {
    return ObjectSizes.object(ObjectSizes.REFERENCE + 4) + ObjectSizes.referenceArray(slots.length);
  }
}
