package io.edgetimedb.engine.lineprotocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.simulation.SensorFeed;
import io.edgetimedb.engine.write.PointBatch;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * A steady stream allocates nothing per line: once the name tables know the plant's names and
 * status strings and the batch has grown, parsing another body costs only its result object
 * and error list. Counted with the JVM's per-thread allocation counter, so this is
 * deterministic, not a timing.
 */
class LineProtocolAllocationTest {
  private static final int SENSORS = 600;
  private static final int TICKS = 5;

  @Test
  void parsingAKnownStreamAllocatesOnlyTheResult() {
    PointBatch plant = new PointBatch();
    SensorFeed feed = new SensorFeed(SENSORS, 5, 1_700_000_000_000L, 1000);
    for (int t = 0; t < TICKS; t++) {
      feed.nextTick(plant);
    }
    byte[] body = new LineProtocolWriter(Precision.NANOSECONDS).write(plant);
    assertParsingAllocatesOnlyTheResult(body, SENSORS * TICKS);
  }

  /**
   * Names like t0 ... t999 have nearly consecutive byte hashes; before the name tables
   * scattered them, their probe runs merged and they evicted each other on every line.
   */
  @Test
  void shortSequentialNamesDoNotEvictEachOther() {
    StringBuilder lines = new StringBuilder();
    for (int i = 0; i < 3000; i++) {
      lines.append("boiler,site=").append((char) ('A' + i % 4)).append(",sensor=t").append(i % 1000)
          .append(" value=21.5,state=\"s").append(i % 500).append("\" 1700000000000000000\n");
    }
    assertParsingAllocatesOnlyTheResult(lines.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), 3000);
  }

  private static void assertParsingAllocatesOnlyTheResult(byte[] body, int points) {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    LineProtocolParser parser = new LineProtocolParser();
    PointBatch batch = new PointBatch();
    for (int warm = 0; warm < 3; warm++) {
      batch.clear();
      parser.parse(body, 0, body.length, Precision.NANOSECONDS, 0, 1, batch);
    }

    int rounds = 20;
    long before = threads.getCurrentThreadAllocatedBytes();
    for (int r = 0; r < rounds; r++) {
      batch.clear();
      parser.parse(body, 0, body.length, Precision.NANOSECONDS, 0, 1, batch);
    }
    long allocated = threads.getCurrentThreadAllocatedBytes() - before;

    long lines = (long) rounds * points;
    assertThat(allocated).as("%d bytes for %d lines in %d parses", allocated, lines, rounds)
        .isLessThanOrEqualTo(200L * rounds);
    assertThat(batch.size()).isEqualTo(points);
  }
}
