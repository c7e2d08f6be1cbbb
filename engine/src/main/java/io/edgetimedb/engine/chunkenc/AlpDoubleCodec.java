package io.edgetimedb.engine.chunkenc;

/**
 * Doubles as decimal-scaled integers, after ALP (Afroozeh, Kuffo and Boncz, SIGMOD 2023).
 *
 * <p>Sensor readings are mostly short decimals (21.37) stored in binary. Each value {@code v}
 * becomes the integer {@code n = round(v * 10^e / 10^f)} and decodes as
 * {@code (double) n * 10^f / 10^e}. At most one of {@code e} (exponent, for decimal places) and
 * {@code f} (factor, for trailing zeros of large integers) is non-zero. Both powers of ten are
 * exact doubles, so that decoding is a single correctly rounded operation on exact operands and
 * yields precisely the double nearest the decimal {@code n * 10^(f-e)}: for a reading with at
 * most {@code e} decimal places, the very double its decimal text parsed to. The encoder still
 * runs the decoding arithmetic on every value and compares raw bits; values that fail (NaN,
 * infinities, -0.0, too many digits, {@code |n| > 2^52}) become exceptions holding their raw
 * bits, and the integer stream carries the previous {@code n} in their place so that neither
 * deltas nor the frame widen.
 *
 * <p>The scale is chosen on up to {@value #SAMPLE_SIZE} evenly spaced values: each sample's
 * smallest exact scale is a candidate, and the candidate with the fewest estimated bits
 * (packed range plus exceptions) wins. The integers are then stored as a frame of reference or
 * as deltas, whichever is exactly smaller.
 *
 * <pre>
 *  count 0: (nothing)
 *  count 1 or more:
 *  +--------+--------+--------+------------------------------+----------+------------------------+
 *  | byte e | byte f | byte   | the count integers n:        | varint E | E exceptions by        |
 *  | 0..18  | 0..18  | mode   | mode 0: FrameOfReference     |          | ascending position:    |
 *  |        |        |        | mode 1: DeltaZigZagLongCodec |          | varint gap, 8 bytes LE |
 *  |        |        |        |                              |          | raw IEEE-754 bits      |
 *  +--------+--------+--------+------------------------------+----------+------------------------+
 *  gap = position - previous exception position - 1 (previous = -1 for the first)
 * </pre>
 *
 * Not thread-safe: holds scratch arrays for the integers and exception positions.
 */
public final class AlpDoubleCodec {
  private static final int MAX_EXPONENT = 18;
  private static final long MAX_MAGNITUDE = 1L << 52;
  private static final int SAMPLE_SIZE = 64;
  private static final int NO_SCALE = Integer.MAX_VALUE;
  /** Raw bits plus a one-byte gap, as written by {@link #writeExceptions}. */
  private static final int EXCEPTION_BITS = 72;
  private static final int MODE_FRAME_OF_REFERENCE = 0;
  private static final int MODE_DELTA = 1;
  private static final double[] POWERS_OF_TEN = powersOfTen();

  private final DeltaZigZagLongCodec deltaCodec = new DeltaZigZagLongCodec();
  private final int[] sampleScales = new int[SAMPLE_SIZE];
  private long[] integers = new long[0];
  private int[] exceptionPositions = new int[0];

  private static double[] powersOfTen() {
    double[] powers = new double[MAX_EXPONENT + 1];
    double p = 1;
    for (int i = 0; i <= MAX_EXPONENT; i++, p *= 10) {
      powers[i] = p;
    }
    return powers;
  }

  /** The decoding arithmetic; encoding verifies every value with this very expression. */
  private static double decodeValue(long n, double factorPower, double exponentPower) {
    return (double) n * factorPower / exponentPower;
  }

  private static long encodeValue(double v, double factorPower, double exponentPower) {
    return Math.round(v * exponentPower / factorPower);
  }

  private static boolean isExact(double v, long n, double factorPower, double exponentPower) {
    return n >= -MAX_MAGNITUDE
        && n <= MAX_MAGNITUDE
        && Double.doubleToRawLongBits(decodeValue(n, factorPower, exponentPower))
            == Double.doubleToRawLongBits(v);
  }

  private static double exponentPower(int scale) {
    return POWERS_OF_TEN[Math.max(scale, 0)];
  }

  private static double factorPower(int scale) {
    return POWERS_OF_TEN[Math.max(-scale, 0)];
  }

  private static boolean isExactAt(double v, int scale) {
    double fp = factorPower(scale);
    double ep = exponentPower(scale);
    return isExact(v, encodeValue(v, fp, ep), fp, ep);
  }

  public void encode(double[] values, int count, ByteSink out) {
    if (count == 0) {
      return;
    }
    int scale = chooseScale(values, count);
    if (integers.length < count) {
      integers = new long[count];
    }
    if (exceptionPositions.length < count) {
      exceptionPositions = new int[count];
    }
    int exceptions = toIntegers(values, count, scale);
    out.writeByte(Math.max(scale, 0));
    out.writeByte(Math.max(-scale, 0));
    writeIntegers(count, out);
    out.writeVarLong(exceptions);
    writeExceptions(values, exceptions, out);
  }

  /** Fills {@link #integers} and {@link #exceptionPositions}; returns the exception count. */
  private int toIntegers(double[] values, int count, int scale) {
    double fp = factorPower(scale);
    double ep = exponentPower(scale);
    long previous = firstExactInteger(values, count, fp, ep);
    int exceptions = 0;
    for (int i = 0; i < count; i++) {
      double v = values[i];
      long n = encodeValue(v, fp, ep);
      boolean exact = isExact(v, n, fp, ep);
      exceptionPositions[exceptions] = i;
      exceptions += exact ? 0 : 1;
      n = exact ? n : previous;
      integers[i] = n;
      previous = n;
    }
    return exceptions;
  }

  /** Placeholder for leading exceptions, so they do not open a jump in the deltas. */
  private static long firstExactInteger(double[] values, int count, double fp, double ep) {
    for (int i = 0; i < count; i++) {
      long n = encodeValue(values[i], fp, ep);
      if (isExact(values[i], n, fp, ep)) {
        return n;
      }
    }
    return 0;
  }

  private void writeIntegers(int count, ByteSink out) {
    long min = integers[0];
    long max = min;
    long minDelta = Long.MAX_VALUE;
    long maxDelta = Long.MIN_VALUE;
    for (int i = 1; i < count; i++) {
      long n = integers[i];
      min = Math.min(min, n);
      max = Math.max(max, n);
      long delta = n - integers[i - 1];
      minDelta = Math.min(minDelta, delta);
      maxDelta = Math.max(maxDelta, delta);
    }
    long frameSize = FrameOfReference.encodedSize(count, min, max);
    long deltaSize =
        FrameOfReference.varLongSize(ZigZag.encode(integers[0]))
            + FrameOfReference.encodedSize(count - 1, minDelta, maxDelta);
    if (deltaSize < frameSize) {
      out.writeByte(MODE_DELTA);
      deltaCodec.encode(integers, count, out);
    } else {
      out.writeByte(MODE_FRAME_OF_REFERENCE);
      FrameOfReference.encode(integers, 0, count, out);
    }
  }

  private void writeExceptions(double[] values, int exceptions, ByteSink out) {
    int previous = -1;
    for (int k = 0; k < exceptions; k++) {
      int position = exceptionPositions[k];
      out.writeVarLong(position - previous - 1);
      out.writeLongLE(Double.doubleToRawLongBits(values[position]));
      previous = position;
    }
  }

  /** Picks the signed scale (e, or -f) that the sample says will encode smallest. */
  private int chooseScale(double[] values, int count) {
    int samples = Math.min(count, SAMPLE_SIZE);
    int stride = count / samples;
    long candidates = 0;
    for (int k = 0; k < samples; k++) {
      int scale = smallestExactScale(values[k * stride]);
      sampleScales[k] = scale;
      if (scale != NO_SCALE) {
        candidates |= 1L << (scale + MAX_EXPONENT);
      }
    }
    int best = 0;
    long bestBits = Long.MAX_VALUE;
    for (; candidates != 0; candidates &= candidates - 1) {
      int scale = Long.numberOfTrailingZeros(candidates) - MAX_EXPONENT;
      long bits = estimateBits(values, samples, stride, scale);
      if (bits < bestBits) {
        bestBits = bits;
        best = scale;
      }
    }
    return best;
  }

  private static int smallestExactScale(double v) {
    if (isExactAt(v, 0)) {
      int scale = 0;
      while (scale > -MAX_EXPONENT && isExactAt(v, scale - 1)) {
        scale--;
      }
      return scale;
    }
    for (int scale = 1; scale <= MAX_EXPONENT; scale++) {
      if (isExactAt(v, scale)) {
        return scale;
      }
    }
    return NO_SCALE;
  }

  private long estimateBits(double[] values, int samples, int stride, int scale) {
    double fp = factorPower(scale);
    double ep = exponentPower(scale);
    long min = Long.MAX_VALUE;
    long max = Long.MIN_VALUE;
    int exceptions = 0;
    for (int k = 0; k < samples; k++) {
      if (sampleScales[k] > scale) {
        exceptions++;
        continue;
      }
      double v = values[k * stride];
      long n = encodeValue(v, fp, ep);
      if (isExact(v, n, fp, ep)) {
        min = Math.min(min, n);
        max = Math.max(max, n);
      } else {
        exceptions++;
      }
    }
    int width = min > max ? 0 : BitPacking.bitWidth(max - min);
    return (long) samples * width + (long) exceptions * EXCEPTION_BITS;
  }

  public void decode(ByteSource in, double[] dst, int count) {
    try {
      decodeChecked(in, dst, count);
    } catch (CorruptChunkException e) {
      throw CorruptChunkException.inCodec("AlpDoubleCodec", e);
    }
  }

  private void decodeChecked(ByteSource in, double[] dst, int count) {
    if (count == 0) {
      return;
    }
    double ep = POWERS_OF_TEN[readPower(in)];
    double fp = POWERS_OF_TEN[readPower(in)];
    if (integers.length < count) {
      integers = new long[count];
    }
    readIntegers(in, count);
    for (int i = 0; i < count; i++) {
      dst[i] = decodeValue(integers[i], fp, ep);
    }
    int exceptions = in.readVarIntAtMost(count, "exception count");
    int position = -1;
    for (int k = 0; k < exceptions; k++) {
      position += 1 + in.readVarIntAtMost(count - position - 2, "exception gap");
      dst[position] = Double.longBitsToDouble(in.readLongLE());
    }
  }

  private static int readPower(ByteSource in) {
    int offset = in.position();
    int power = in.readByte();
    if (power > MAX_EXPONENT) {
      throw new CorruptChunkException("power of ten " + power + " at offset " + offset);
    }
    return power;
  }

  private void readIntegers(ByteSource in, int count) {
    int offset = in.position();
    int mode = in.readByte();
    if (mode == MODE_DELTA) {
      deltaCodec.decode(in, integers, count);
    } else if (mode == MODE_FRAME_OF_REFERENCE) {
      FrameOfReference.decode(in, integers, 0, count);
    } else {
      throw new CorruptChunkException("integer mode " + mode + " at offset " + offset);
    }
  }
}
