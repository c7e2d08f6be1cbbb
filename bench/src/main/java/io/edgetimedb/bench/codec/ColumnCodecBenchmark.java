package io.edgetimedb.bench.codec;

import io.edgetimedb.engine.chunkenc.ByteSink;
import io.edgetimedb.engine.chunkenc.ByteSource;
import io.edgetimedb.engine.chunkenc.DeltaOfDeltaTimestampCodec;
import io.edgetimedb.engine.chunkenc.DoubleColumnCodec;
import io.edgetimedb.engine.simulation.SensorKind;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The timestamp and double codecs alone, values per second, on regular and jittered clocks. */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(ChunkSamples.ROWS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ColumnCodecBenchmark {
  @Param({"0", "20"})
  public long jitterMillis;

  private final DeltaOfDeltaTimestampCodec timestamps = new DeltaOfDeltaTimestampCodec();
  private final DoubleColumnCodec doubles = new DoubleColumnCodec();
  private final ByteSink sink = new ByteSink(1 << 16);
  private final ByteSource source = new ByteSource();
  private final long[] decodedTimestamps = new long[ChunkSamples.ROWS];
  private final double[] decodedDoubles = new double[ChunkSamples.ROWS];
  private ChunkSamples samples;
  private byte[] encodedTimestamps;
  private byte[] encodedDoubles;

  @Setup
  public void encodeOnce() {
    samples = new ChunkSamples(SensorKind.TEMPERATURE, jitterMillis);
    sink.reset();
    timestamps.encode(samples.timestamps, ChunkSamples.ROWS, sink);
    encodedTimestamps = sink.toByteArray();
    sink.reset();
    doubles.encode(samples.doubles, ChunkSamples.ROWS, sink);
    encodedDoubles = sink.toByteArray();
  }

  @Benchmark
  public int encodeTimestamps() {
    sink.reset();
    timestamps.encode(samples.timestamps, ChunkSamples.ROWS, sink);
    return sink.size();
  }

  @Benchmark
  public long decodeTimestamps() {
    source.reset(encodedTimestamps, 0, encodedTimestamps.length);
    timestamps.decode(source, decodedTimestamps, ChunkSamples.ROWS);
    return decodedTimestamps[ChunkSamples.ROWS - 1];
  }

  @Benchmark
  public int encodeTemperatures() {
    sink.reset();
    doubles.encode(samples.doubles, ChunkSamples.ROWS, sink);
    return sink.size();
  }

  @Benchmark
  public double decodeTemperatures() {
    source.reset(encodedDoubles, 0, encodedDoubles.length);
    doubles.decode(source, decodedDoubles, ChunkSamples.ROWS);
    return decodedDoubles[ChunkSamples.ROWS - 1];
  }
}
