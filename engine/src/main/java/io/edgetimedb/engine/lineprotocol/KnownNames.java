package io.edgetimedb.engine.lineprotocol;

import java.util.Arrays;

/**
 * The texts of one {@link TextKind} (measurements, tag keys, tag values, field keys, short
 * string values) already seen, decoded and found valid, looked up by their bytes as written.
 * A steady stream repeats the same few thousand names and status strings, so after warm-up
 * one costs a hash and a byte comparison and allocates nothing; only a new text is checked for
 * well-formed UTF-8, decoded and checked against the engine's name rules.
 *
 * <p>Open addressing with linear probing over a power-of-two table. The table never grows:
 * when every slot of a probe run is taken the home slot is overwritten, so an endless stream
 * of distinct names (a tag carrying a request id, say) costs at most the table, not the heap.
 * Names longer than {@link #MAX_CACHED_BYTES} are decoded each time for the same reason.
 */
final class KnownNames {
  static final int MAX_CACHED_BYTES = 64;
  private static final int PROBES = 8;

  private final TextKind kind;
  private final int mask;
  private final int shift;
  private final byte[][] keys;
  private final int[] hashes;
  private final String[] names;

  /** {@code slots}: table size, a power of two. */
  KnownNames(TextKind kind, int slots) {
    this.kind = kind;
    this.mask = slots - 1;
    this.shift = 32 - Integer.numberOfTrailingZeros(slots);
    this.keys = new byte[slots][];
    this.hashes = new int[slots];
    this.names = new String[slots];
  }

  /**
   * The name written as {@code buf[from, to)} whose byte hash ({@code h = 31 * h + b}) the
   * scanner computed on the way.
   *
   * @throws LineFault at {@code from} when a name breaks the engine's name rules
   */
  String name(byte[] buf, int from, int to, int hash) {
    // Fibonacci hashing: a 31-polynomial hash of names like s00017, s00018 ... is nearly
    // consecutive, and runs of consecutive home slots merge under linear probing into chains
    // longer than PROBES, evicting each other on every line; the golden-ratio multiply
    // scatters them over the table
    int home = (hash * 0x9E3779B9) >>> shift;
    int free = -1;
    for (int i = 0; i < PROBES; i++) {
      int slot = (home + i) & mask;
      byte[] key = keys[slot];
      if (key == null) {
        free = slot;
        break;
      }
      if (hashes[slot] == hash && Arrays.equals(key, 0, key.length, buf, from, to)) {
        return names[slot];
      }
    }
    String name = decodeAndCheck(buf, from, to);
    if (to - from <= MAX_CACHED_BYTES) {
      int slot = free >= 0 ? free : home;
      keys[slot] = Arrays.copyOfRange(buf, from, to);
      hashes[slot] = hash;
      names[slot] = name;
    }
    return name;
  }

  private String decodeAndCheck(byte[] buf, int from, int to) {
    int malformed = WellFormedUtf8.firstMalformed(buf, from, to);
    if (malformed >= 0) {
      throw new LineFault(malformed, String.format("invalid UTF-8 byte 0x%02X in %s %s", buf[malformed] & 0xFF,
          kind.what(), LineParser.quote(buf, from, to)));
    }
    String name = kind.decode(buf, from, to);
    String problem = kind.problem(name);
    if (problem != null) {
      throw new LineFault(from, problem);
    }
    return name;
  }
}
