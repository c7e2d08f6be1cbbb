package io.edgetimedb.server.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.lineprotocol.Precision;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code simulate --to tcp://...} against a socket receiver that parses what arrives. */
class SimulateTcpTest {
  private static final long START = 1_700_000_000_000L;

  @Test
  void everyPointArrivesOverSeveralConnectionsAndEachSensorKeepsOne() throws Exception {
    try (LineReceiver receiver = LineReceiver.tcp()) {
      SimulateCli run = SimulateCli.run("--to", "tcp://127.0.0.1:" + receiver.port(), "--sensors", "21",
          "--rate", "max", "--duration", "30s", "--seed", "7", "--start", Long.toString(START), "--connections", "3");
      assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
      List<Reading> expected = Reading.expected(new SimulatedFleet(21, 7, START, 1000, 30, 0, null, null), 30);
      assertThat(receiver.awaitLines(expected.size())).isTrue();

      assertThat(Reading.parse(receiver.all(), Precision.NANOSECONDS)).containsExactlyInAnyOrderElementsOf(expected);
      List<byte[]> connections = receiver.received();
      assertThat(connections).hasSize(3);
      List<List<String>> sensorsPerConnection = new ArrayList<>();
      for (byte[] c : connections) {
        sensorsPerConnection.add(Reading.parse(c, Precision.NANOSECONDS).stream().map(Reading::sensor).distinct().toList());
      }
      assertThat(sensorsPerConnection.stream().flatMap(List::stream)).as("no sensor on two connections")
          .doesNotHaveDuplicates().hasSize(21);
      assertThat(run.out()).contains("sent 630 points to tcp://127.0.0.1:" + receiver.port() + " (3 connections)")
          .contains("630 delivered, 0 lost").contains("as fast as possible").contains("errors: none");
    }
  }

  @Test
  void skewedClocksAndLateReadingsAreWhatArrives() throws Exception {
    try (LineReceiver receiver = LineReceiver.tcp()) {
      SimulateCli run = SimulateCli.run("--to", "tcp://127.0.0.1:" + receiver.port(), "--sensors", "14",
          "--rate", "max", "--duration", "40s", "--seed", "3", "--start", Long.toString(START),
          "--clock-skew", "0.5:5s:100", "--late", "0.2:4");
      assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
      SimulatedFleet fleet = new SimulatedFleet(14, 3, START, 1000, 40, 0, new ClockSkew(0.5, 5_000, 100),
          new LateReadings(0.2, 4));
      List<Reading> expected = Reading.expected(fleet, 40);
      assertThat(receiver.awaitLines(expected.size())).isTrue();
      List<Reading> arrived = Reading.parse(receiver.all(), Precision.NANOSECONDS);

      assertThat(arrived).as("the order too: one connection keeps it").containsExactlyElementsOf(expected);
      assertThat(arrived).as("skewed clocks stamp readings off the 1 s grid")
          .anyMatch(r -> (r.ts() - START) % 1000 != 0);
      assertThat(outOfOrder(arrived)).as("late readings arrive after newer ones").isGreaterThan(14 * 40 / 20);
      assertThat(arrived).hasSize(14 * 40);
    }
  }

  /** Readings older than one already seen from the same sensor. */
  static int outOfOrder(List<Reading> arrived) {
    Map<String, Long> newest = new HashMap<>();
    int late = 0;
    for (Reading r : arrived) {
      Long before = newest.get(r.sensor());
      if (before != null && r.ts() < before) {
        late++;
      }
      newest.merge(r.sensor(), r.ts(), Math::max);
    }
    return late;
  }
}
