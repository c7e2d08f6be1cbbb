package io.edgetimedb.bench.codec;

import io.edgetimedb.engine.chunk.ChunkDecoder;
import io.edgetimedb.engine.chunk.ChunkEncoder;
import io.edgetimedb.engine.chunk.HeadChunk;
import io.edgetimedb.engine.chunk.RowBlock;
import io.edgetimedb.engine.chunk.SealedChunk;
import io.edgetimedb.engine.schema.FieldType;
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

/**
 * Sealing and decoding whole chunks, the work the engine really does: timestamps plus one value
 * column, 1,024 rows. Scores are points per second (one point = timestamp + value).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(ChunkSamples.ROWS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ChunkCodecBenchmark {
  @Param({"TEMPERATURE", "PRESSURE", "VIBRATION", "ENERGY"})
  public SensorKind kind;

  private final ChunkEncoder encoder = new ChunkEncoder();
  private final ChunkDecoder decoder = new ChunkDecoder();
  private HeadChunk head;
  private SealedChunk sealed;
  private RowBlock block;

  @Setup
  public void fill() {
    ChunkSamples samples = new ChunkSamples(kind, 0);
    head = new HeadChunk();
    FieldType type = kind.type();
    for (int row = 0; row < ChunkSamples.ROWS; row++) {
      head.columnFor(0, type).set(head.rowFor(samples.timestamps[row]), type, samples.longs[row], null);
    }
    sealed = encoder.encode(head);
    block = new RowBlock(new int[] {0});
  }

  @Benchmark
  public SealedChunk encode() {
    return encoder.encode(head);
  }

  @Benchmark
  public long decode() {
    block.decode(sealed, decoder);
    return block.timestamp(ChunkSamples.ROWS - 1);
  }
}
