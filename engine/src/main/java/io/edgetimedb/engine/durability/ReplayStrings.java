package io.edgetimedb.engine.durability;

import io.edgetimedb.engine.chunkenc.ByteSource;
import java.util.Arrays;

/**
 * The names a replay decodes (measurements, tag keys and values, field names), kept by their
 * encoded bytes: a log repeats the same few thousand names millions of times, and handing back
 * one String per distinct name spares an allocation and a fresh hash code per name per point.
 * Bounded: past {@link #CAPACITY} names it starts over.
 */
final class ReplayStrings {
  static final int CAPACITY = 1 << 16;

  private byte[][] keys = new byte[1024][];
  private String[] strings = new String[1024];
  private int size;

  /** Reads a string ByteSink.writeString wrote, the cached instance when its bytes were seen before. */
  String read(ByteSource in) {
    int start = in.position();
    long length = in.readVarLong();
    if (length < 0 || length > in.remaining()) {
      in.seek(start);
      return in.readString();
    }
    int from = in.position();
    byte[] bytes = in.buffer();
    int mask = keys.length - 1;
    for (int slot = hash(bytes, from, (int) length) & mask; ; slot = (slot + 1) & mask) {
      byte[] key = keys[slot];
      if (key == null) {
        in.seek(start);
        String decoded = in.readString();
        remember(slot, Arrays.copyOfRange(bytes, from, from + (int) length), decoded);
        return decoded;
      }
      if (Arrays.equals(key, 0, key.length, bytes, from, from + (int) length)) {
        in.skip((int) length);
        return strings[slot];
      }
    }
  }

  private void remember(int slot, byte[] key, String decoded) {
    if (size >= CAPACITY) {
      clear();
    } else if (2 * (size + 1) > keys.length) {
      grow();
    } else {
      keys[slot] = key;
      strings[slot] = decoded;
      size++;
      return;
    }
    insert(key, decoded);
  }

  private void insert(byte[] key, String decoded) {
    int mask = keys.length - 1;
    int slot = hash(key, 0, key.length) & mask;
    while (keys[slot] != null) {
      slot = (slot + 1) & mask;
    }
    keys[slot] = key;
    strings[slot] = decoded;
    size++;
  }

  private void grow() {
    byte[][] oldKeys = keys;
    String[] oldStrings = strings;
    keys = new byte[oldKeys.length * 2][];
    strings = new String[oldKeys.length * 2];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != null) {
        insert(oldKeys[i], oldStrings[i]);
      }
    }
  }

  private void clear() {
    Arrays.fill(keys, null);
    Arrays.fill(strings, null);
    size = 0;
  }

  private static int hash(byte[] bytes, int from, int length) {
    int h = 1;
    for (int i = from; i < from + length; i++) {
      h = 31 * h + bytes[i];
    }
    return h ^ (h >>> 16);
  }
}
