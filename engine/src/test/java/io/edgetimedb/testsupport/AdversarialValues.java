package io.edgetimedb.testsupport;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators shared by the property tests: values that mix plain random ones with
 * the shapes and extremes that break codecs and parsers (empty and single-value chunks,
 * long-range extremes, small and huge magnitudes alike, regular series with jitter and huge
 * jumps, NaNs with payloads, signed zeros, subnormals, short decimals, lone surrogates, very
 * long and empty strings), and column chunks built from them. Arrays describe themselves by
 * their contents, so a failing property prints the shrunk chunk, not an object id.
 */
public final class AdversarialValues {
  public static final int MAX_CHUNK = 300;

  private static final List<Long> LONG_EXTREMES =
      List.of(Long.MIN_VALUE, Long.MAX_VALUE, Long.MIN_VALUE + 1, Long.MAX_VALUE - 1, 0L, -1L, 1L);

  private AdversarialValues() {}

  /** A seed for a {@link Random} that a property draws its own choices from. */
  public static Gen<Long> seeds() {
    return longs().all();
  }

  /** A value made by {@code draw} from a random generator seeded by the property. */
  public static <T> Gen<T> fromRandom(Function<Random, T> draw) {
    return seeds().map(seed -> draw.apply(new Random(seed)));
  }

  /**
   * Any long, every bit width about as likely as another and the extremes often: uniformly
   * drawn longs are almost all 19 digits long and would never test a one-byte varint.
   */
  public static Gen<Long> anyLong() {
    Gen<Long> anyWidth =
        integers().between(0, 63).zip(longs().all(), (width, bits) -> bits >> width);
    return Generate.frequency(
        Pair.of(3, longs().all()), Pair.of(3, anyWidth), Pair.of(1, Generate.pick(LONG_EXTREMES)));
  }

  /** Any int, as {@link #anyLong()}. */
  public static Gen<Integer> anyInt() {
    Gen<Integer> anyWidth =
        integers().between(0, 31).zip(integers().all(), (width, bits) -> bits >> width);
    return Generate.frequency(
        Pair.of(3, integers().all()),
        Pair.of(3, anyWidth),
        Pair.of(1, Generate.pick(List.of(Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1, 1))));
  }

  /** Any byte, the small ones often: they are the counts, kinds and varint ends that decode further. */
  public static Gen<Byte> anyByte() {
    return Generate.frequency(
        Pair.of(3, Generate.bytes(Byte.MIN_VALUE, Byte.MAX_VALUE, (byte) 0)),
        Pair.of(1, Generate.pick(List.of((byte) 0, (byte) 1, (byte) 2, (byte) 0x7F, (byte) 0x80, (byte) 0xFF))));
  }

  public static Gen<byte[]> byteArrays(int minLength, int maxLength) {
    return Generate.byteArrays(integers().between(minLength, maxLength), anyByte())
        .describedAs(Arrays::toString);
  }

  public static Gen<long[]> longArrays(Gen<Long> element, int maxLength) {
    return lists()
        .of(element)
        .ofSizeBetween(0, maxLength)
        .map(list -> list.stream().mapToLong(Long::longValue).toArray())
        .describedAs(Arrays::toString);
  }

  public static Gen<double[]> doubleArrays(Gen<Double> element, int maxLength) {
    return lists()
        .of(element)
        .ofSizeBetween(0, maxLength)
        .map(list -> list.stream().mapToDouble(Double::doubleValue).toArray())
        .describedAs(AdversarialValues::describe);
  }

  /** Strings of {@code minLength} to {@code maxLength} chars drawn from {@code chars}. */
  public static Gen<String> strings(Gen<Character> chars, int minLength, int maxLength) {
    return lists()
        .of(chars)
        .ofSizeBetween(minLength, maxLength)
        .map(list -> list.stream().map(String::valueOf).collect(Collectors.joining()));
  }

  /** Any UTF-16 code unit, lone surrogates included. */
  public static Gen<Character> anyChar() {
    return Generate.characters(Character.MIN_VALUE, Character.MAX_VALUE);
  }

  /** One char of {@code chars}. */
  public static Gen<Character> charsOf(String chars) {
    return Generate.pick(chars.chars().mapToObj(c -> (char) c).collect(Collectors.toList()));
  }

  public static Gen<long[]> longChunks() {
    Gen<Long> element =
        Generate.frequency(
            Pair.of(4, anyLong()),
            Pair.of(3, longs().between(-1000, 1000)),
            Pair.of(2, Generate.pick(LONG_EXTREMES)));
    return Generate.oneOf(
            longArrays(element, MAX_CHUNK), fromRandom(AdversarialValues::timestampLikeSeries))
        .describedAs(Arrays::toString);
  }

  /** A clock with a typical period, some jitter, missed samples and the odd wild jump. */
  public static long[] timestampLikeSeries(Random random) {
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
  public static long[] counterSeries(Random random, int count) {
    long value = random.nextInt(1_000_000);
    long step = random.nextInt(5000);
    long[] series = new long[count];
    for (int i = 0; i < count; i++) {
      series[i] = value;
      value += step + random.nextInt(3);
    }
    return series;
  }

  public static Gen<double[]> doubleChunks() {
    Gen<Double> element =
        Generate.frequency(
            Pair.of(3, longs().all().map(Double::longBitsToDouble)),
            Pair.of(4, shortDecimals()),
            Pair.of(2, specialDoubles()),
            Pair.of(1, longs().between(1, (1L << 52) - 1).map(Double::longBitsToDouble)));
    return Generate.oneOf(
            doubleArrays(element, MAX_CHUNK),
            fromRandom(r -> sensorWalk(r, r.nextInt(MAX_CHUNK + 1), 2)),
            fromRandom(AdversarialValues::sensorWalkWithGlitches))
        .describedAs(AdversarialValues::describe);
  }

  /** Decimals of up to 18 places and integers with trailing zeros, parsed as a sensor would. */
  public static Gen<Double> shortDecimals() {
    return longs()
        .between(-1_000_000_000_000L, 1_000_000_000_000L)
        .zip(integers().between(-6, 18), (digits, places) -> Double.parseDouble(digits + "e" + (-places)));
  }

  public static Gen<Double> specialDoubles() {
    return Generate.pick(
        List.of(
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
            1e-300));
  }

  /** Readings at {@code 1/100} resolution drifting by at most {@code maxStep} hundredths. */
  public static double[] sensorWalk(Random random, int count, int maxStep) {
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

  /** Doubles as Java prints them, except that a NaN shows its raw bits: the payload matters. */
  private static String describe(double[] values) {
    return Arrays.stream(values)
        .mapToObj(
            v -> Double.isNaN(v) ? "NaN(0x" + Long.toHexString(Double.doubleToRawLongBits(v)) + ")" : Double.toString(v))
        .collect(Collectors.joining(", ", "[", "]"));
  }

  public static Gen<boolean[]> booleanChunks() {
    Gen<boolean[]> random =
        lists().of(booleans().all()).ofSizeBetween(0, MAX_CHUNK).map(AdversarialValues::toBooleans);
    return Generate.oneOf(random, fromRandom(AdversarialValues::longRuns))
        .describedAs(Arrays::toString);
  }

  private static boolean[] toBooleans(List<Boolean> list) {
    boolean[] values = new boolean[list.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = list.get(i);
    }
    return values;
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

  public static Gen<String> anyStrings() {
    Gen<String> loneSurrogates = strings(Generate.characters('\uD800', '\uDFFF'), 0, 3);
    return Generate.frequency(
        Pair.of(4, strings(Generate.characters(0, 127), 0, 12)),
        Pair.of(3, strings(anyChar(), 0, 12)),
        Pair.of(2, Generate.pick(List.of("", "é", "温度", "😀", "a😀b", "\u0000"))),
        Pair.of(1, loneSurrogates.zip(strings(anyChar(), 0, 3), String::concat)),
        Pair.of(1, strings(anyChar(), 10_000, 10_000)));
  }

  /** Chunks drawn from a small pool of strings, with runs, as tag-like columns look. */
  public static Gen<String[]> stringChunks() {
    return lists()
        .of(anyStrings())
        .ofSizeBetween(1, 8)
        .zip(
            lists().of(integers().between(0, 7)).ofSizeBetween(0, 60),
            lists().of(integers().between(1, 12)).ofSizeBetween(1, 60),
            AdversarialValues::runsOfPoolStrings)
        .describedAs(Arrays::toString);
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

  /** Strings of {@link #anyStrings()}, each its own value rather than one of a pool. */
  public static Gen<String[]> distinctStringChunks() {
    return lists()
        .of(anyStrings())
        .ofSizeBetween(0, 40)
        .map(list -> list.toArray(String[]::new))
        .describedAs(Arrays::toString);
  }

  public static Gen<byte[][]> byteArrayChunks() {
    Gen<byte[]> element =
        Generate.frequency(
            Pair.of(6, byteArrays(0, 40)),
            Pair.of(2, Generate.constant(() -> new byte[0])),
            Pair.of(1, byteArrays(1000, 5000)));
    return lists()
        .of(element)
        .ofSizeBetween(0, 60)
        .map(list -> list.toArray(byte[][]::new))
        .describedAs(Arrays::deepToString);
  }
}
