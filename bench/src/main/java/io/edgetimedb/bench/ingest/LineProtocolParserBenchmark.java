package io.edgetimedb.bench.ingest;

import io.edgetimedb.engine.lineprotocol.LineProtocolParser;
import io.edgetimedb.engine.lineprotocol.ParseResult;
import io.edgetimedb.engine.lineprotocol.LineProtocolWriter;
import io.edgetimedb.engine.lineprotocol.Precision;
import io.edgetimedb.engine.simulation.SensorFeed;
import io.edgetimedb.engine.write.PointBatch;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
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
 * Line protocol to a PointBatch on one thread: each invocation parses a body of
 * {@value #LINES} lines into a reused batch (cleared first), as a write endpoint would per
 * request. Scores are lines per second. Bodies:
 * <ul>
 *   <li>{@code plant}: ten ticks of the 1,000-sensor simulated plant, three tags, every field
 *       type ({@code temperature,site=site-1,line=line-1,sensor=s00001 value=21.53 1700000000000000000});
 *   <li>{@code boiler}: the short line of a single-value sensor
 *       ({@code boiler,site=A,sensor=t17 value=21.53 1700000000000000000}), 1,000 sensors.
 * </ul>
 * Run with {@code -prof gc}: after warm-up the names are cached and the batch has grown, so
 * the allocation per line is about zero.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@OperationsPerInvocation(LineProtocolParserBenchmark.LINES)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class LineProtocolParserBenchmark {
  static final int LINES = 10_000;

  @Param({"plant", "boiler"})
  public String body;

  private final LineProtocolParser parser = new LineProtocolParser();
  private final PointBatch batch = new PointBatch();
  private byte[] bytes;

  @Setup
  public void render() {
    bytes = body.equals("plant") ? plantLines() : boilerLines();
    ParseResult check = parser.parse(bytes, 0, bytes.length, Precision.NANOSECONDS, 0, 1, batch);
    if (check.points() != LINES || check.errorCount() != 0) {
      throw new IllegalStateException("benchmark body does not parse: " + check);
    }
  }

  @Benchmark
  public int parse() {
    batch.clear();
    return parser.parse(bytes, 0, bytes.length, Precision.NANOSECONDS, 0, 1, batch).points();
  }

  /** Ten ticks of the 1,000-sensor plant (seed 7) as Telegraf would send them, nanosecond timestamps. */
  static byte[] plantLines() {
    SensorFeed feed = new SensorFeed(1000, 7, 1_700_000_000_000L, 1000);
    PointBatch plant = new PointBatch();
    for (int t = 0; t < LINES / 1000; t++) {
      feed.nextTick(plant);
    }
    return new LineProtocolWriter(Precision.NANOSECONDS).write(plant);
  }

  static byte[] boilerLines() {
    SplittableRandom random = new SplittableRandom(7);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < LINES; i++) {
      double value = Math.round((18 + random.nextDouble() * 6) * 100) / 100.0;
      long ns = 1_700_000_000_000_000_000L + (i / 1000) * 1_000_000_000L;
      String line = "boiler,site=" + (char) ('A' + i % 4) + ",sensor=t" + (i % 1000) + " value=" + value + " " + ns + "\n";
      out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }
}
