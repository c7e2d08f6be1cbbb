package io.edgetimedb.server.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.lineprotocol.Precision;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code simulate --to udp://...} against a datagram receiver that parses what arrives. */
class SimulateUdpTest {
  private static final long START = 1_700_000_000_000L;

  @Test
  void everyPointArrivesInDatagramsOfWholeLinesThatFitAFrame() throws Exception {
    try (LineReceiver receiver = LineReceiver.udp()) {
      // paced (100 points a tick, 20 ticks a second) so that loopback never drops a datagram
      SimulateCli run = SimulateCli.run("--to", "udp://127.0.0.1:" + receiver.port(), "--sensors", "100",
          "--rate", "20", "--duration", "1s", "--seed", "5", "--start", Long.toString(START));
      assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
      List<Reading> expected = Reading.expected(new SimulatedFleet(100, 5, START, 50, 20, 0, null, null), 20);
      assertThat(receiver.awaitLines(expected.size())).isTrue();

      assertThat(Reading.parse(receiver.all(), Precision.NANOSECONDS)).containsExactlyInAnyOrderElementsOf(expected);
      List<byte[]> datagrams = receiver.received();
      assertThat(datagrams).allSatisfy(d -> {
        assertThat(d.length).isLessThanOrEqualTo(UdpTarget.DATAGRAM_BYTES);
        assertThat(d[d.length - 1]).as("ends with a whole line").isEqualTo((byte) '\n');
      });
      assertThat(datagrams.size()).as("lines packed, not one per datagram").isLessThan(expected.size() / 5);
    }
  }
}
