package io.edgetimedb.server.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A run whose target goes away: losses counted by kind, and the run gives up instead of spinning. */
class SimulationTest {
  private static final long START = 1_700_000_000_000L;

  @Test
  void aTargetThatDiesMidRunIsCountedAndAbandoned() throws Exception {
    DeliveryCounts counts = new DeliveryCounts();
    SimulationTarget target;
    try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      target = SimulationTarget.open(TargetAddress.parse("tcp://127.0.0.1:" + listener.getLocalPort()),
          TargetOptions.defaults(), counts);
      try (Socket accepted = listener.accept()) {
        accepted.setSoLinger(true, 0); // a reset, so the sender's next writes fail at once
      }
    }
    SimulatedFleet fleet = new SimulatedFleet(50, 1, START, 20, 100_000, 0, null, null);
    List<String> warnings = new ArrayList<>();
    Simulation simulation = new Simulation(fleet, fleet.ticks(), Long.MAX_VALUE, 2_500, Pacer.every(20_000_000L),
        points -> {}, warnings::add, 300_000_000L);

    SimulationReport report = simulation.run(target, counts);

    assertThat(report.abandoned()).isEqualTo("gave up: every send failed for 0.3 s");
    assertThat(report.clean()).isFalse();
    assertThat(report.lost()).isPositive();
    assertThat(report.delivered() + report.lost()).isEqualTo(report.generated());
    assertThat(report.generated()).as("stopped long before the 100,000 ticks").isLessThan(50 * 1_000);
    assertThat(counts.errors()).containsKey("connection failure");
    assertThat(String.join("\n", report.lines())).contains("errors: connection failure x")
        .contains("gave up: every send failed for 0.3 s").contains("2,500 asked");
  }

  @Test
  void aReportSaysWhenTheRunFellBehindAndHowFarAboveTheFloorItStayed() {
    DeliveryCounts counts = new DeliveryCounts();
    counts.delivered(120_000);
    SimulationReport report = new SimulationReport("tcp://h:1", 120_000, 120_000, 0, 2_000_000_000L, 100_000, 45_000,
        counts, 3_200_000_000L, 2, 0, null);
    assertThat(report.clean()).isTrue();
    assertThat(report.lines()).containsExactly(
        "sent 120,000 points to tcp://h:1 in 2.0 s: 120,000 delivered, 0 lost",
        "rate: 60,000 points/s achieved, 100,000 asked (60.0%); slowest second 45,000 points/s, 45.0x the floor of"
            + " 1,000 writes/s",
        "fell behind the asked rate by 3.2 s over 2 stall(s): the asked rate was not kept",
        "errors: none");
    SimulationReport shortRun = new SimulationReport("udp://h:1", 10, 10, 0, 500_000_000L, Double.NaN, Double.NaN,
        counts, 0, 0, 0, null);
    assertThat(shortRun.lines().get(1)).isEqualTo("rate: 20 points/s achieved, as fast as possible asked;"
        + " run shorter than a second, 20 points/s overall, below the floor of 1,000 writes/s");
  }

  @Test
  void addressesAndTroubleOptionsReadAsDocumented() throws IOException {
    assertThat(TargetAddress.parse("http://example.com")).hasToString("http://example.com:8086");
    assertThat(TargetAddress.parse("TCP://10.0.0.1")).hasToString("tcp://10.0.0.1:8094");
    assertThat(TargetAddress.parse("udp://h/")).hasToString("udp://h:8089");
    assertThat(TargetAddress.parse("mqtt://h:1884")).hasToString("mqtt://h:1884");
    assertThat(ClockSkew.parse("0.1:5s:50")).isEqualTo(new ClockSkew(0.1, 5_000, 50));
    assertThat(ClockSkew.parse("1:250ms")).isEqualTo(new ClockSkew(1, 250, 0));
    assertThat(LateReadings.parse("0.05:10")).isEqualTo(new LateReadings(0.05, 10));
    assertThat(ReadingRate.parse("3")).isEqualTo(new ReadingRate(3, 333));
    assertThat(ReadingRate.parse("MAX").max()).isTrue();
    assertThat(ReadingRate.parse("0.5").pointsPerSecond(10)).isEqualTo(5.0);
  }
}
