package io.edgetimedb.engine.chunkenc;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.testsupport.RealSeries;
import io.edgetimedb.testsupport.RealSeries.NabSeries;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every codec on real measured series: bit-exact round trips and the sizes we promise. */
class RealSeriesCodecTest {
  private static final int CHUNK = 1000;

  private final DoubleColumnCodec doubles = new DoubleColumnCodec();
  private final CodecRoundTrip<double[]> doubleRoundTrip =
      CodecRoundTrip.ofDoubles(doubles::encode, doubles::decode);
  private final AlpDoubleCodec alp = new AlpDoubleCodec();
  private final CodecRoundTrip<double[]> alpRoundTrip =
      CodecRoundTrip.ofDoubles(alp::encode, alp::decode);
  private final XorDoubleCodec xor = new XorDoubleCodec();
  private final CodecRoundTrip<double[]> xorRoundTrip =
      CodecRoundTrip.ofDoubles(xor::encode, xor::decode);
  private final DeltaOfDeltaTimestampCodec timestamps = new DeltaOfDeltaTimestampCodec();
  private final CodecRoundTrip<long[]> timestampRoundTrip =
      CodecRoundTrip.ofLongs(timestamps::encode, timestamps::decode);
  private final DeltaZigZagLongCodec longs = new DeltaZigZagLongCodec();
  private final CodecRoundTrip<long[]> longRoundTrip =
      CodecRoundTrip.ofLongs(longs::encode, longs::decode);
  private final RunLengthBooleanCodec booleans = new RunLengthBooleanCodec();
  private final CodecRoundTrip<boolean[]> booleanRoundTrip =
      CodecRoundTrip.ofBooleans(booleans::encode, booleans::decode);
  private final DictionaryStringCodec strings = new DictionaryStringCodec();
  private final CodecRoundTrip<String[]> stringRoundTrip =
      CodecRoundTrip.ofStrings(strings::encode, strings::decode);
  private final SnappyBytesCodec bytes = new SnappyBytesCodec();
  private final CodecRoundTrip<byte[][]> bytesRoundTrip =
      CodecRoundTrip.ofByteArrays(bytes::encode, bytes::decode);

  static List<String> alpSamples() {
    return RealSeries.alpSampleNames();
  }

  static List<String> nabSeries() {
    return RealSeries.nabSeriesNames();
  }

  @Test
  void theSharedDataIsThere() {
    assertThat(alpSamples()).hasSize(12).contains("neon_bio_temp_c", "city_temperature_f");
    assertThat(nabSeries()).hasSize(30);
  }

  @ParameterizedTest
  @MethodSource("alpSamples")
  void alpSampleRoundTripsThroughEveryDoubleCodec(String name) {
    double[] values = RealSeries.alpSample(name);
    assertThat(values).hasSize(1024);
    doubleRoundTrip.check(values, values.length);
    alpRoundTrip.check(values, values.length);
    xorRoundTrip.check(values, values.length);
  }

  @Test
  void alpSamplesCompressBelowPromisedSizes() {
    long totalBytes = 0;
    long totalValues = 0;
    for (String name : alpSamples()) {
      double[] values = RealSeries.alpSample(name);
      totalBytes += doubleRoundTrip.encode(values, values.length).length;
      totalValues += values.length;
    }
    assertThat(totalBytes * 8.0 / totalValues).as("bits per value, all samples").isLessThan(64);
    assertThat(bitsPerValue("neon_bio_temp_c")).isLessThan(24);
    assertThat(bitsPerValue("city_temperature_f")).isLessThan(24);
  }

  private double bitsPerValue(String alpSample) {
    double[] values = RealSeries.alpSample(alpSample);
    return doubleRoundTrip.encode(values, values.length).length * 8.0 / values.length;
  }

  @ParameterizedTest
  @MethodSource("nabSeries")
  void nabSeriesRoundTripsWholeAndInChunks(String name) {
    NabSeries series = RealSeries.nab(name);
    int count = series.values().length;
    assertThat(series.timestampsMillis()).hasSize(count);
    doubleRoundTrip.check(series.values(), count);
    timestampRoundTrip.check(series.timestampsMillis(), count);
    for (int from = 0; from < count; from += CHUNK) {
      int to = Math.min(count, from + CHUNK);
      doubleRoundTrip.check(Arrays.copyOfRange(series.values(), from, to), to - from);
      timestampRoundTrip.check(Arrays.copyOfRange(series.timestampsMillis(), from, to), to - from);
    }
  }

  /** The other column types, fed with columns derived from one real series. */
  @ParameterizedTest
  @MethodSource("nabSeries")
  void derivedColumnsRoundTrip(String name) {
    NabSeries series = RealSeries.nab(name);
    int count = series.values().length;
    double[] values = series.values();
    long[] millis = series.timestampsMillis();
    boolean[] rising = new boolean[count];
    String[] levels = new String[count];
    byte[][] rows = new byte[count][];
    for (int i = 0; i < count; i++) {
      rising[i] = i > 0 && values[i] > values[i - 1];
      levels[i] = values[i] < 10 ? "low" : values[i] < 50 ? "normal" : "high ☀";
      rows[i] = (millis[i] + "," + values[i]).getBytes(StandardCharsets.UTF_8);
    }
    longRoundTrip.check(millis, count);
    booleanRoundTrip.check(rising, count);
    stringRoundTrip.check(levels, count);
    bytesRoundTrip.check(rows, count);
  }
}
