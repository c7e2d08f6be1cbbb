package io.edgetimedb.engine.chunkenc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.util.Arrays;
import java.util.Random;
import java.util.function.IntFunction;

/**
 * Drives one column codec through the checks every codec must pass: a bit-exact round trip read
 * from the middle of a larger buffer that ends exactly where the encoding ends, truncations that
 * must fail with {@link CorruptChunkException}, and mangled bytes that must either decode or fail
 * with it, never with another exception.
 *
 * @param <A> the column's array type
 */
final class CodecRoundTrip<A> {
  /** A codec's encode method, with the codec's own array type. */
  interface Encoder<A> {
    void encode(A values, int count, ByteSink out);
  }

  /** A codec's decode method, with the codec's own array type. */
  interface Decoder<A> {
    void decode(ByteSource in, A dst, int count);
  }

  /** Compares decoded with original values; must be bit-exact for floating point. */
  interface Equality<A> {
    void assertEqual(A expected, A actual, int count);
  }

  private static final int PREFIX = 3;
  private static final int SUFFIX = 5;
  private static final int MAX_TRUNCATIONS = 40;

  private final Encoder<A> encoder;
  private final Decoder<A> decoder;
  private final IntFunction<A> newArray;
  private final Equality<A> equality;

  CodecRoundTrip(
      Encoder<A> encoder, Decoder<A> decoder, IntFunction<A> newArray, Equality<A> equality) {
    this.encoder = encoder;
    this.decoder = decoder;
    this.newArray = newArray;
    this.equality = equality;
  }

  static CodecRoundTrip<long[]> ofLongs(Encoder<long[]> encoder, Decoder<long[]> decoder) {
    return new CodecRoundTrip<>(
        encoder,
        decoder,
        long[]::new,
        (expected, actual, count) ->
            assertThat(Arrays.copyOf(actual, count))
                .containsExactly(Arrays.copyOf(expected, count)));
  }

  /** Doubles compare by raw bits, so NaN payloads and the sign of zero must survive. */
  static CodecRoundTrip<double[]> ofDoubles(Encoder<double[]> encoder, Decoder<double[]> decoder) {
    return new CodecRoundTrip<>(
        encoder,
        decoder,
        double[]::new,
        (expected, actual, count) ->
            assertThat(rawBits(actual, count)).containsExactly(rawBits(expected, count)));
  }

  static CodecRoundTrip<boolean[]> ofBooleans(
      Encoder<boolean[]> encoder, Decoder<boolean[]> decoder) {
    return new CodecRoundTrip<>(
        encoder,
        decoder,
        boolean[]::new,
        (expected, actual, count) ->
            assertThat(Arrays.copyOf(actual, count))
                .containsExactly(Arrays.copyOf(expected, count)));
  }

  static CodecRoundTrip<String[]> ofStrings(Encoder<String[]> encoder, Decoder<String[]> decoder) {
    return new CodecRoundTrip<>(
        encoder,
        decoder,
        String[]::new,
        (expected, actual, count) ->
            assertThat(Arrays.copyOf(actual, count))
                .containsExactly(Arrays.copyOf(expected, count)));
  }

  static CodecRoundTrip<byte[][]> ofByteArrays(
      Encoder<byte[][]> encoder, Decoder<byte[][]> decoder) {
    return new CodecRoundTrip<>(
        encoder,
        decoder,
        byte[][]::new,
        (expected, actual, count) -> {
          for (int i = 0; i < count; i++) {
            assertThat(actual[i]).as("value %d", i).containsExactly(expected[i]);
          }
        });
  }

  static long[] rawBits(double[] values, int count) {
    long[] bits = new long[count];
    for (int i = 0; i < count; i++) {
      bits[i] = Double.doubleToRawLongBits(values[i]);
    }
    return bits;
  }

  /** The encoding alone, as the codec writes it into an empty sink. */
  byte[] encode(A values, int count) {
    ByteSink sink = new ByteSink(0);
    encoder.encode(values, count, sink);
    return sink.toByteArray();
  }

  A decode(byte[] encoding, int count) {
    A decoded = newArray.apply(count);
    ByteSource in = new ByteSource(encoding, 0, encoding.length);
    decoder.decode(in, decoded, count);
    assertThat(in.remaining()).as("bytes left after decoding").isZero();
    return decoded;
  }

  /** Round-trips and checks truncations; returns the encoding's size in bytes. */
  int check(A values, int count) {
    byte[] encoding = encode(values, count);
    checkEmbedded(values, count, encoding);
    checkTruncations(encoding, count);
    return encoding.length;
  }

  private void checkEmbedded(A values, int count, byte[] encoding) {
    ByteSink sink = new ByteSink(4);
    for (int i = 0; i < PREFIX; i++) {
      sink.writeByte(0xA5);
    }
    encoder.encode(values, count, sink);
    assertThat(sink.size() - PREFIX).as("encoding size is independent of sink state")
        .isEqualTo(encoding.length);
    for (int i = 0; i < SUFFIX; i++) {
      sink.writeByte(0xFF);
    }
    ByteSource in = new ByteSource(sink.array(), PREFIX, sink.size() - PREFIX);
    A decoded = newArray.apply(count);
    decoder.decode(in, decoded, count);
    assertThat(in.position()).as("reader ends at the end of the encoding")
        .isEqualTo(PREFIX + encoding.length);
    equality.assertEqual(values, decoded, count);
  }

  private void checkTruncations(byte[] encoding, int count) {
    int step = Math.max(1, encoding.length / MAX_TRUNCATIONS);
    for (int length = encoding.length - 1; length >= 0; length -= step) {
      ByteSource in = new ByteSource(encoding, 0, length);
      A decoded = newArray.apply(count);
      assertThatThrownBy(() -> decoder.decode(in, decoded, count))
          .as("decoding %d of %d bytes", length, encoding.length)
          .isInstanceOf(CorruptChunkException.class);
    }
  }

  /** Decodes {@code bytes} as {@code count} values: any result but a foreign exception passes. */
  void checkGarbage(byte[] bytes, int count) {
    A decoded = newArray.apply(count);
    try {
      decoder.decode(new ByteSource(bytes, 0, bytes.length), decoded, count);
    } catch (CorruptChunkException expected) {
      assertThat(expected).hasMessageContaining("offset");
    } catch (RuntimeException e) {
      fail("decoding garbage threw " + e + " instead of CorruptChunkException", e);
    }
  }

  /** Flips a few random bytes of a valid encoding and decodes it, as {@link #checkGarbage}. */
  void checkMangled(A values, int count, long seed) {
    byte[] encoding = encode(values, count);
    if (encoding.length == 0) {
      return;
    }
    Random random = new Random(seed);
    for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
      encoding[random.nextInt(encoding.length)] ^= (byte) (1 + random.nextInt(255));
    }
    checkGarbage(encoding, count);
  }
}
