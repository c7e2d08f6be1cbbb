package io.edgetimedb.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.server.simulation.SimulateCli;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The simulate command's options, exit codes and pacing; the targets have their own tests. */
class SimulateCommandTest {
  @ParameterizedTest(name = "{0} {1}")
  @CsvSource(delimiter = '|', value = {
      "--rate|fast|'fast' is not a rate",
      "--rate|0|'0' is not a rate",
      "--rate|700|'700' Hz would put readings 1.429 ms apart",
      "--duration|5|'5' is not a positive duration",
      "--duration|-1s|'-1s' is not a positive duration",
      "--to|ftp://host:21|scheme 'ftp'",
      "--to|localhost|'localhost' needs a scheme and a host",
      "--to|http://h:1/api/v2/write|has a path",
      "--start|yesterday|'yesterday' is neither an ISO-8601 time",
      "--clock-skew|0.1|'0.1': expected SHARE:MAX_OFFSET",
      "--clock-skew|2:5s|SHARE '2' is not a fraction",
      "--clock-skew|0.1:5|MAX_OFFSET '5' is not a duration",
      "--clock-skew|0.1:5s:x|MAX_DRIFT_PPM 'x'",
      "--late|0.1:0|MAX_TICKS '0'",
      "--late|x:3|SHARE 'x'",
      "--late|0.5|expected SHARE:MAX_TICKS",
      "--sensors|0|--sensors 0: give at least 1",
      "--sensors|many|'many'",
      "--connections|0|--connections 0",
      "--batch-lines|0|--batch-lines 0",
      "--qos|3|--qos 3",
      "--points|0|--points 0",
      "--anomalies|-1|--anomalies -1",
  })
  void aBadValueExitsWithTwoNamingTheOptionAndTheValue(String option, String value, String message) {
    SimulateCli run = SimulateCli.run("--to", "tcp://127.0.0.1:9", option, value);
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).contains(option).contains(message);
  }

  @Test
  void durationAndPointsExcludeEachOtherAndADurationMustHoldAReading() {
    SimulateCli both = SimulateCli.run("--to", "tcp://127.0.0.1:9", "--duration", "5s", "--points", "10");
    assertThat(both.exitCode()).isEqualTo(2);
    assertThat(both.err()).contains("--duration and --points exclude each other");
    SimulateCli tooShort = SimulateCli.run("--to", "tcp://127.0.0.1:9", "--rate", "0.5", "--duration", "1s");
    assertThat(tooShort.exitCode()).isEqualTo(2);
    assertThat(tooShort.err()).contains("--duration 1s: shorter than one reading (2000 ms apart");
    SimulateCli noTarget = SimulateCli.run("--sensors", "3");
    assertThat(noTarget.exitCode()).isEqualTo(2);
    assertThat(noTarget.err()).contains("--to");
  }

  @ParameterizedTest
  @CsvSource({"tcp", "http", "mqtt"})
  void anUnreachableTargetIsAClearErrorWithExitCodeOne(String scheme) throws IOException {
    int closed;
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = s.getLocalPort();
    }
    SimulateCli run = SimulateCli.run("--to", scheme + "://127.0.0.1:" + closed, "--points", "10");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.err()).contains("simulate: cannot reach " + scheme + "://127.0.0.1:" + closed + ": ")
        .containsIgnoringCase("refused");
  }

  @Test
  void helpExplainsEveryOption() {
    SimulateCli run = SimulateCli.run("--help");
    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("--to=URL", "--sensors=N", "--rate=HZ|max", "--duration=D", "--points=N",
        "--seed=S", "--start=TIME", "--anomalies=COUNT", "--ground-truth=FILE",
        "--clock-skew=SHARE:MAX_OFFSET[:MAX_DRIFT_PPM]", "--late=SHARE:MAX_TICKS", "--connections=K",
        "--batch-lines=N", "--qos=0|1|2", "plant/{site}/{line}/{sensor}", "precision=ms");
  }

  /**
   * 4 sensors at 5 Hz for 2 s: 10 ticks, 200 ms apart, and the run lasts until the last one's
   * period is over, so at least 2 s. Only the lower bound is a property of pacing; the upper one
   * just catches a hang.
   */
  @Test
  void aPacedRunSendsTheAskedCountNoFasterThanAsked() throws IOException {
    try (ServerSocket sink = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      drain(sink);
      long began = System.nanoTime();
      SimulateCli run = SimulateCli.run("--to", "tcp://127.0.0.1:" + sink.getLocalPort(), "--sensors", "4",
          "--rate", "5", "--duration", "2s");
      double seconds = (System.nanoTime() - began) / 1e9;
      assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
      assertThat(run.out()).contains("sent 40 points").contains("40 delivered, 0 lost").contains("20 asked")
          .contains("below the floor of 1,000 writes/s (the asked rate is below it)");
      assertThat(seconds).isBetween(2.0, 30.0);
    }
  }

  @Test
  void aPointsRunStopsAtExactlyThatManyPoints() throws IOException {
    try (ServerSocket sink = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
      drain(sink);
      SimulateCli run = SimulateCli.run("--to", "tcp://127.0.0.1:" + sink.getLocalPort(), "--sensors", "7",
          "--rate", "max", "--points", "1000", "--anomalies", "3");
      assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
      assertThat(run.out()).contains("sent 1,000 points").contains("1,000 delivered");
    }
  }

  /** Accepts one connection on the sink and throws away what arrives, as a receiver that keeps up. */
  private static void drain(ServerSocket sink) {
    Thread drain = new Thread(() -> {
      try (var s = sink.accept()) {
        s.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
      } catch (IOException ignored) {
        // closed at the end of the test
      }
    });
    drain.setDaemon(true);
    drain.start();
  }
}
