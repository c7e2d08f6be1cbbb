package io.edgetimedb.engine.chunkenc;

import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik generators of column chunks that mix plain random values with the shapes and extremes
 * that break codecs: empty and single-value chunks, long-range extremes, regular series with
 * jitter and huge jumps, NaNs with payloads, signed zeros, subnormals, short decimals, lone
 * surrogates, very long and empty strings.
 */
final class AdversarialValues {
  static final int MAX_CHUNK = 300;

  private AdversarialValues() {}

  static Arbitrary<long[]> longChunks() {
    Arbitrary<Long> element =
        Arbitraries.frequencyOf(
            Tuple.of(4, Arbitraries.longs()),
            Tuple.of(3, Arbitraries.longs().between(-1000, 1000)),
            Tuple.of(
                2,
                Arbitraries.of(
                    Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE - 1,
                    0L, -1L, 1L)));
    return Arbitraries.oneOf(
        element.array(long[].class).ofMaxSize(MAX_CHUNK),
        Arbitraries.randomValue(AdversarialValues::timestampLikeSeries));
  }

  /** A clock with a typical period, some jitter, missed samples and the odd wild jump. */
  static long[] timestampLikeSeries(Random random) {
    long[] periods = {0, 1, 1000, 60_000, 1L << 40, random.nextLong()};
    long period = periods[random.nextInt(periods.length)];
    int jitter = random.nextInt(4) == 0 ? 0 : random.nextInt(50);
    double jumpChance = random.nextInt(3) == 0 ? 0 : random.nextDouble() * 0.1;
    long t = random.nextBoolean() ? random.nextLong() : 1_700_000_000_000L;
    long[] series = new long[random.nextInt(MAX_CHUNK + 1)];
    for (int i = 0; i < series.length; i++) {
      series[i] = t;
      t += period + (jitter == 0 ? 0 : random.nextInt(2 * jitter + 1) - jitter);
      if (random.nextDouble() < jumpChance) {
        t += random.nextBoolean() ? random.nextLong() : period * random.nextInt(100);
      }
    }
    return series;
  }

  /** A steadily increasing counter with an almost constant step, occasionally reset. */
  static long[] counterSeries(Random random, int count) {
    long value = random.nextInt(1_000_000);
    long step = random.nextInt(5000);
    long[] series = new long[count];
    for (int i = 0; i < count; i++) {
      series[i] = value;
      value += step + random.nextInt(3);
    }
    return series;
  }

  static Arbitrary<double[]> doubleChunks() {
    Arbitrary<Double> element =
        Arbitraries.frequencyOf(
            Tuple.of(3, Arbitraries.longs().map(Double::longBitsToDouble)),
            Tuple.of(4, shortDecimals()),
            Tuple.of(2, specialDoubles()),
            Tuple.of(
                1,
                Arbitraries.longs().between(1, (1L << 52) - 1).map(Double::longBitsToDouble)));
    return Arbitraries.oneOf(
        element.array(double[].class).ofMaxSize(MAX_CHUNK),
        Arbitraries.randomValue(r -> sensorWalk(r, r.nextInt(MAX_CHUNK + 1), 2)),
        Arbitraries.randomValue(AdversarialValues::sensorWalkWithGlitches));
  }

  /** Decimals of up to 18 places and integers with trailing zeros, parsed as a sensor would. */
  static Arbitrary<Double> shortDecimals() {
    return Combinators.combine(
            Arbitraries.longs().between(-1_000_000_000_000L, 1_000_000_000_000L),
            Arbitraries.integers().between(-6, 18))
        .as((digits, places) -> Double.parseDouble(digits + "e" + (-places)));
  }

  static Arbitrary<Double> specialDoubles() {
    return Arbitraries.of(
        Double.NaN,
        Double.longBitsToDouble(0x7FF0_0000_0000_0001L), // signalling NaN
        Double.longBitsToDouble(0xFFF8_0000_0000_0ABCL), // negative quiet NaN with payload
        Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY,
        0.0,
        -0.0,
        Double.MIN_VALUE,
        -Double.MIN_VALUE,
        Double.MIN_NORMAL,
        Double.MAX_VALUE,
        -Double.MAX_VALUE,
        0x1p52,
        0x1p53,
        -0x1p63,
        0x1p63,
        1e18,
        1e19,
        9.999999999999999e22,
        0.1,
        1e-300);
  }

  /** Readings at {@code 1/100} resolution drifting by at most {@code maxStep} hundredths. */
  static double[] sensorWalk(Random random, int count, int maxStep) {
    long hundredths = random.nextInt(10_000) - 5_000;
    double[] values = new double[count];
    for (int i = 0; i < count; i++) {
      values[i] = hundredths / 100.0;
      hundredths += random.nextInt(2 * maxStep + 1) - maxStep;
    }
    return values;
  }

  private static double[] sensorWalkWithGlitches(Random random) {
    double[] values = sensorWalk(random, random.nextInt(MAX_CHUNK + 1), 5);
    List<Double> glitches =
        List.of(Double.NaN, -0.0, Double.POSITIVE_INFINITY, Math.PI, 1e300, Double.MIN_VALUE);
    for (int i = 0; i < values.length; i++) {
      if (random.nextInt(20) == 0) {
        values[i] = glitches.get(random.nextInt(glitches.size()));
      }
    }
    return values;
  }

  static Arbitrary<boolean[]> booleanChunks() {
    return Arbitraries.oneOf(
        Arbitraries.of(true, false).array(boolean[].class).ofMaxSize(MAX_CHUNK),
        Arbitraries.randomValue(AdversarialValues::longRuns));
  }

  private static boolean[] longRuns(Random random) {
    boolean[] values = new boolean[random.nextInt(5 * MAX_CHUNK)];
    boolean value = random.nextBoolean();
    for (int i = 0; i < values.length; i++) {
      if (random.nextInt(100) == 0) {
        value = !value;
      }
      values[i] = value;
    }
    return values;
  }

  static Arbitrary<String> strings() {
    Arbitrary<String> loneSurrogates =
        Arbitraries.strings().withCharRange('\uD800', '\uDFFF').ofMaxLength(3);
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.strings().ascii().ofMaxLength(12)),
        Tuple.of(3, Arbitraries.strings().all().ofMaxLength(12)),
        Tuple.of(2, Arbitraries.of("", "é", "温度", "😀", "a😀b", "\u0000")),
        Tuple.of(
            1,
            Combinators.combine(loneSurrogates, Arbitraries.strings().ofMaxLength(3))
                .as(String::concat)),
        Tuple.of(1, Arbitraries.strings().all().ofLength(10_000)));
  }

  /** Chunks drawn from a small pool of strings, with runs, as tag-like columns look. */
  static Arbitrary<String[]> stringChunks() {
    return Combinators.combine(
            strings().list().ofMinSize(1).ofMaxSize(8),
            Arbitraries.integers().between(0, 7).list().ofMaxSize(60),
            Arbitraries.integers().between(1, 12).list().ofMinSize(1).ofMaxSize(60))
        .as(AdversarialValues::runsOfPoolStrings);
  }

  private static String[] runsOfPoolStrings(
      List<String> pool, List<Integer> picks, List<Integer> runs) {
    int count = 0;
    for (int i = 0; i < picks.size(); i++) {
      count += runs.get(i % runs.size());
    }
    String[] values = new String[count];
    int filled = 0;
    for (int i = 0; i < picks.size(); i++) {
      String s = pool.get(picks.get(i) % pool.size());
      for (int r = runs.get(i % runs.size()); r > 0; r--) {
        values[filled++] = new String(s); // distinct instances, equal contents
      }
    }
    return values;
  }

  static Arbitrary<byte[][]> byteArrayChunks() {
    Arbitrary<byte[]> element =
        Arbitraries.frequencyOf(
            Tuple.of(6, Arbitraries.bytes().array(byte[].class).ofMaxSize(40)),
            Tuple.of(2, Arbitraries.just(new byte[0])),
            Tuple.of(
                1, Arbitraries.bytes().array(byte[].class).ofMinSize(1000).ofMaxSize(5000)));
    return element.array(byte[][].class).ofMaxSize(60);
  }
}
