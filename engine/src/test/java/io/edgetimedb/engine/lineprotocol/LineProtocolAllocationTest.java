package io.edgetimedb.engine.lineprotocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.write.PointBatch;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * A steady stream allocates nothing per line: once the name tables know the plant's names and
 * status strings and the batch has grown, parsing another body costs only its result object
 * and error list. Counted with the JVM's per-thread allocation counter, so this is
 * deterministic, not a timing. It also checks that the parse matches the feed point for point.
 */
class LineProtocolAllocationTest {
  private static final int SENSORS = 600;
  private static final int TICKS = 5;

  @Test
  void parsingAKnownStreamAllocatesOnlyTheResult() {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    byte[] body = PlantLines.body(SENSORS, TICKS, 5);
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

    long lines = (long) rounds * SENSORS * TICKS;
    assertThat(allocated).as("%d bytes for %d lines in %d parses", allocated, lines, rounds)
        .isLessThanOrEqualTo(200L * rounds);
    assertThat(batch.size()).isEqualTo(SENSORS * TICKS);
  }

  @Test
  void thePlantFeedParsesBackExactly() {
    PointBatch feed = new PointBatch();
    new io.edgetimedb.engine.simulation.SensorFeed(SENSORS, 5, 1_700_000_000_000L, 1000).nextTick(feed);
    byte[] body = PlantLines.render(feed);
    PointBatch parsed = new PointBatch();
    ParseResult result = new LineProtocolParser().parse(body, 0, body.length, Precision.NANOSECONDS, 0, 1, parsed);
    assertThat(result.errors()).isEmpty();
    assertThat(BatchText.of(parsed)).containsExactlyElementsOf(BatchText.of(feed));
  }
}
