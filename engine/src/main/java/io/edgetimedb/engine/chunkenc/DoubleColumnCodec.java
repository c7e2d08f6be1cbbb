package io.edgetimedb.engine.chunkenc;

/**
 * Per-chunk choice between {@link AlpDoubleCodec} and {@link XorDoubleCodec}: encodes with both
 * and keeps the smaller (ALP on a tie, as it decodes faster).
 *
 * <pre>
 *  count 0: (nothing)
 *  count 1 or more:
 *  +-----------------------+------------------------------------------+
 *  | byte kind             | the chosen codec's encoding              |
 *  | 0 = ALP, 1 = XOR      |                                          |
 *  +-----------------------+------------------------------------------+
 * </pre>
 *
 * Not thread-safe: holds both codecs and a scratch sink for the XOR attempt.
 */
public final class DoubleColumnCodec {
  static final int KIND_ALP = 0;
  static final int KIND_XOR = 1;

  private final AlpDoubleCodec alp = new AlpDoubleCodec();
  private final XorDoubleCodec xor = new XorDoubleCodec();
  private final ByteSink xorAttempt = new ByteSink(256);

  public void encode(double[] values, int count, ByteSink out) {
    if (count == 0) {
      return;
    }
    int start = out.size();
    out.writeByte(KIND_ALP);
    alp.encode(values, count, out);
    int alpSize = out.size() - start - 1;
    xorAttempt.reset();
    xor.encode(values, count, xorAttempt);
    if (xorAttempt.size() < alpSize) {
      out.truncate(start);
      out.writeByte(KIND_XOR);
      out.writeBytes(xorAttempt.array(), 0, xorAttempt.size());
    }
  }

  public void decode(ByteSource in, double[] dst, int count) {
    if (count == 0) {
      return;
    }
    try {
      int offset = in.position();
      int kind = in.readByte();
      if (kind == KIND_ALP) {
        alp.decode(in, dst, count);
      } else if (kind == KIND_XOR) {
        xor.decode(in, dst, count);
      } else {
        throw new CorruptChunkException("unknown kind " + kind + " at offset " + offset);
      }
    } catch (CorruptChunkException e) {
      throw CorruptChunkException.inCodec("DoubleColumnCodec", e);
    }
  }
}
