package io.edgetimedb.bench.ingest;

import io.edgetimedb.engine.lineprotocol.LineProtocolParser;
import io.edgetimedb.engine.lineprotocol.Precision;
import io.edgetimedb.engine.write.PointBatch;
import java.lang.management.ManagementFactory;

/**
 * Line-protocol parse rate per second of the parsing thread's CPU time, beside the wall-clock
 * rate. On a shared box (other builds on both cores) JMH's wall-clock score measures the
 * share of a core the benchmark got; the CPU-time rate is what one core of our own sustains.
 * Same bodies as {@link LineProtocolParserBenchmark}.
 *
 * <pre>java -cp bench/target/benchmarks.jar io.edgetimedb.bench.ingest.LineProtocolCpuRate</pre>
 */
public final class LineProtocolCpuRate {
  private static final int WARM_UP_PARSES = 3_000;
  private static final int MEASURED_PARSES = 1_000;

  private LineProtocolCpuRate() {}

  public static void main(String[] args) {
    report("plant", LineProtocolParserBenchmark.plantLines());
    report("boiler", LineProtocolParserBenchmark.boilerLines());
  }

  private static void report(String name, byte[] body) {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    LineProtocolParser parser = new LineProtocolParser();
    PointBatch batch = new PointBatch();
    for (int i = 0; i < WARM_UP_PARSES; i++) {
      batch.clear();
      parser.parse(body, 0, body.length, Precision.NANOSECONDS, 0, 1, batch);
    }
    long allocated = threads.getCurrentThreadAllocatedBytes();
    long cpu = threads.getCurrentThreadCpuTime();
    long wall = System.nanoTime();
    long lines = 0;
    for (int i = 0; i < MEASURED_PARSES; i++) {
      batch.clear();
      lines += parser.parse(body, 0, body.length, Precision.NANOSECONDS, 0, 1, batch).lines();
    }
    double wallSeconds = (System.nanoTime() - wall) / 1e9;
    double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
    double bytesPerLine = (threads.getCurrentThreadAllocatedBytes() - allocated) / (double) lines;
    System.out.printf("%-7s %,12.0f lines per CPU-second %,12.0f lines per wall-second %.4f B allocated per line%n",
        name, lines / cpuSeconds, lines / wallSeconds, bytesPerLine);
  }
}
