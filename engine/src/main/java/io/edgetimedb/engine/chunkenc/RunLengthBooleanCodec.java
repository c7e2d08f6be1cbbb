package io.edgetimedb.engine.chunkenc;

import java.util.Arrays;

/**
 * Booleans as the first value and the lengths of the alternating runs that follow from it.
 *
 * <pre>
 *  count 0: (nothing)
 *  count 1 or more:
 *  +---------------------+--------------+--------------+-----+
 *  | byte first value    | varint run 1 | varint run 2 | ... |  runs alternate values, are
 *  | 0 = false, 1 = true |              |              |     |  never empty and sum to count
 *  +---------------------+--------------+--------------+-----+
 * </pre>
 */
public final class RunLengthBooleanCodec {

  public void encode(boolean[] values, int count, ByteSink out) {
    if (count == 0) {
      return;
    }
    out.writeByte(values[0] ? 1 : 0);
    int runStart = 0;
    for (int i = 1; i < count; i++) {
      if (values[i] != values[i - 1]) {
        out.writeVarLong(i - runStart);
        runStart = i;
      }
    }
    out.writeVarLong(count - runStart);
  }

  public void decode(ByteSource in, boolean[] dst, int count) {
    try {
      decodeChecked(in, dst, count);
    } catch (CorruptChunkException e) {
      throw CorruptChunkException.inCodec("RunLengthBooleanCodec", e);
    }
  }

  private static void decodeChecked(ByteSource in, boolean[] dst, int count) {
    if (count == 0) {
      return;
    }
    int offset = in.position();
    int first = in.readByte();
    if (first > 1) {
      throw new CorruptChunkException("first value byte " + first + " at offset " + offset);
    }
    boolean value = first == 1;
    for (int filled = 0; filled < count; value = !value) {
      int runOffset = in.position();
      int run = in.readVarIntAtMost(count - filled, "run length");
      if (run == 0) {
        throw new CorruptChunkException("empty run at offset " + runOffset);
      }
      Arrays.fill(dst, filled, filled + run, value);
      filled += run;
    }
  }
}
