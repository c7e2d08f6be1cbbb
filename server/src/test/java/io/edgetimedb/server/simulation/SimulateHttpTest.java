package io.edgetimedb.server.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.read.PointCursor;
import io.edgetimedb.engine.read.ReadRequest;
import io.edgetimedb.engine.simulation.Anomaly;
import io.edgetimedb.engine.simulation.AnomalyKind;
import io.edgetimedb.engine.simulation.GroundTruthCsv;
import io.edgetimedb.engine.simulation.SensorKind;
import io.edgetimedb.engine.write.PointBatch;
import io.edgetimedb.server.http.HttpEndpoint;
import io.edgetimedb.server.http.HttpSettings;
import io.edgetimedb.server.metrics.ServerMetrics;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code simulate --to http://...} against the real HTTP port over an in-memory database. */
class SimulateHttpTest {
  private static final long START = 1_700_000_000_000L;

  @TempDir
  Path dir;

  private Database db;
  private ServerMetrics metrics;
  private HttpEndpoint endpoint;

  @BeforeEach
  void start() {
    db = Database.open(DatabaseConfig.defaults());
    metrics = new ServerMetrics(db);
    endpoint = new HttpEndpoint(HttpSettings.defaults().withBindHost("127.0.0.1").withPort(0), db, metrics);
    endpoint.start();
  }

  @AfterEach
  void stop() {
    endpoint.close();
    metrics.close();
    db.close();
  }

  private String url() {
    return "http://127.0.0.1:" + endpoint.port();
  }

  @Test
  void everyPointIsStoredInBatchesOfTheGivenSize() {
    SimulateCli run = SimulateCli.run("--to", url(), "--sensors", "35", "--rate", "max", "--duration", "60s",
        "--seed", "11", "--start", Long.toString(START), "--batch-lines", "500");
    assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
    List<Reading> expected = Reading.expected(new SimulatedFleet(35, 11, START, 1000, 60, 0, null, null), 60);
    assertThat(stored()).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(run.out()).contains("sent 2,100 points to " + url() + "/api/v2/write?precision=ms")
        .contains("2,100 delivered, 0 lost").contains("errors: none");
  }

  @Test
  void anomaliesAreInjectedAsTheGroundTruthFileSays() throws Exception {
    Path truth = dir.resolve("truth.csv");
    SimulateCli run = SimulateCli.run("--to", url(), "--sensors", "14", "--rate", "max", "--duration", "10m",
        "--seed", "4", "--start", Long.toString(START), "--anomalies", "12", "--ground-truth", truth.toString());
    assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
    SimulatedFleet fleet = new SimulatedFleet(14, 4, START, 1000, 600, 12, null, null);

    StringWriter plan = new StringWriter();
    GroundTruthCsv.write(fleet.newFeed(), plan);
    List<String> rows = Files.readAllLines(truth, StandardCharsets.UTF_8);
    assertThat(String.join("\n", rows) + "\n").isEqualTo(plan.toString());
    assertThat(rows).hasSize(13).first().isEqualTo(GroundTruthCsv.HEADER);
    assertThat(run.out()).contains("anomalies injected: 12").contains("ground truth: " + truth);

    List<Reading> stored = stored();
    assertThat(stored).containsExactlyInAnyOrderElementsOf(Reading.expected(fleet, 600));
    List<Reading> normal = Reading.expected(new SimulatedFleet(14, 4, START, 1000, 600, 0, null, null), 600);
    for (Anomaly a : fleet.newFeed().anomalies().anomalies()) {
      String sensor = String.format("s%05d", a.sensor());
      List<Reading> inWindow = window(stored, sensor, a);
      if (a.kind() == AnomalyKind.DROPOUT) {
        assertThat(inWindow).as(a + ": nothing stored in a dropout").isEmpty();
      } else if (a.kind() != AnomalyKind.NOISE_BURST && a.kind() != AnomalyKind.STUCK) {
        assertThat(inWindow).as(a + ": bent readings inside the window").isNotEqualTo(window(normal, sensor, a));
      }
    }
    assertThat(stored.size()).as("dropouts cost readings").isLessThanOrEqualTo(normal.size());
  }

  @Test
  void pointsTheServerRefusesAreCountedAsHttp400AndTheRestIsStored() {
    // temperature.value as bytes: the feed's doubles cannot widen into it, so they are refused
    PointBatch conflict = new PointBatch();
    conflict.point(SensorKind.TEMPERATURE.measurement(), START - 1000).tag("site", "x").field("value", new byte[] {1});
    db.write(conflict);
    SimulateCli run = SimulateCli.run("--to", url(), "--sensors", "14", "--rate", "max", "--duration", "5s",
        "--seed", "2", "--start", Long.toString(START));
    assertThat(run.exitCode()).as("points were lost").isEqualTo(1);
    assertThat(run.out()).contains("60 delivered, 10 lost").contains("HTTP 400 x1").contains("not written");
    assertThat(stored()).hasSize(60);
  }

  private static List<Reading> window(List<Reading> readings, String sensor, Anomaly a) {
    return readings.stream().filter(r -> r.sensor().equals(sensor) && a.covers(r.ts())).toList();
  }

  /** Every row the feed's measurements hold, as readings (the conflicting row of one test left out). */
  private List<Reading> stored() {
    List<Reading> rows = new ArrayList<>();
    for (SensorKind kind : SensorKind.values()) {
      if (!db.measurements().contains(kind.measurement())) {
        continue;
      }
      try (PointCursor c = db.read(ReadRequest.of(kind.measurement()).tagKeys("sensor").fields(kind.field()))) {
        while (c.next()) {
          if (c.tag(0) != null && !c.isNull(0)) {
            rows.add(new Reading(kind.measurement(), c.tag(0), c.timestamp(), c.getObject(0)));
          }
        }
      }
    }
    return rows;
  }
}
