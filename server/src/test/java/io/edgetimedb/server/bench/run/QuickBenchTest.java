package io.edgetimedb.server.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgetimedb.server.bench.BenchQuery;
import io.edgetimedb.server.bench.edgetimedb.EdgeTimeDbTargets;
import io.edgetimedb.server.cli.EdgeTimeDbCommand;
import io.edgetimedb.engine.simulation.SensorKind;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bench --quick} as CI runs it (no peers): every figure is produced for every EdgeTimeDB
 * way in — every key of the JSON, every table of results.md, every chart as a real picture. How
 * fast anything was is not checked.
 */
class QuickBenchTest {
  private static final List<String> TARGET_KEYS = List.of("target", "sensors", "storage", "ingest", "underLoad",
      "quietEmbedded", "quietRemote", "memory", "storageFigures");

  @TempDir
  static Path out;
  static JsonNode json;

  @BeforeAll
  static void runQuick() throws Exception {
    // no real peer: the peers' own test covers them; a peer that cannot start is skipped with its reason
    assertThat(EdgeTimeDbCommand.run("bench", "--quick", "--peers", "unavailable-for-tests,duckdb", "--peer-jars",
        out.resolve("no-jars").toString(), "--out", out.toString())).isZero();
    try (Stream<Path> files = Files.list(out)) {
      List<Path> runs = files.filter(f -> f.getFileName().toString().matches("bench-.*\\.json")).toList();
      assertThat(runs).hasSize(1);
      json = new ObjectMapper().readTree(runs.get(0).toFile());
    }
  }

  @Test
  void theJsonNamesTheMachineAndTheSettings() {
    JsonNode machine = json.get("machine");
    for (String key : List.of("cores", "memoryBytes", "maxHeapBytes", "jvm", "os", "loadAverageStart",
        "loadAverageEnd", "startedAt", "finishedAt", "gitCommit")) {
      assertThat(machine.has(key)).as(key).isTrue();
    }
    assertThat(machine.get("cores").asInt()).isPositive();
    assertThat(machine.get("finishedAt").isNull()).isFalse();
    assertThat(json.get("settings").get("quick").asBoolean()).isTrue();
    assertThat(json.get("settings").get("prefixDataSeconds").asLong()).isEqualTo(3_600);
  }

  @Test
  void peersThatCannotRunAreSkippedWithOneLineEach() throws Exception {
    assertThat(json.get("skipped")).hasSize(2);
    assertThat(json.get("skipped").get(0).asText()).isEqualTo("peer unavailable-for-tests: unavailable (its server is"
        + " not installed on this machine); skipped");
    assertThat(json.get("skipped").get(1).asText()).startsWith("peer duckdb: unavailable (duckdb needs duckdb_jdbc-")
        .endsWith("no-jars, which does not exist; the bench build copies it there: mvn -B -pl bench -am package"
            + " -DskipTests); skipped");
    assertThat(Files.readString(out.resolve("results.md"))).contains("## Skipped\n\n- peer unavailable-for-tests");
  }

  @Test
  void everyWayInHasEveryFigure() {
    JsonNode targets = json.get("targets");
    assertThat(targets).hasSize(EdgeTimeDbTargets.NAMES.size());
    for (int i = 0; i < targets.size(); i++) {
      JsonNode t = targets.get(i);
      assertThat(t.get("target").asText()).isEqualTo(EdgeTimeDbTargets.NAMES.get(i));
      TARGET_KEYS.forEach(key -> assertThat(t.has(key)).as(t.get("target") + " " + key).isTrue());
      assertThat(t.get("sensors").asInt()).isEqualTo(100);
      JsonNode ingest = t.get("ingest");
      assertThat(ingest.get("prefixPoints").asLong()).as("an hour of 100 sensors first").isGreaterThanOrEqualTo(360_000);
      assertThat(ingest.get("points").asLong()).isPositive();
      assertThat(ingest.get("pointsPerSecond").asDouble()).isPositive();
      assertThat(ingest.get("queriesAsked").asInt()).isPositive();
      for (String phase : List.of("quietEmbedded", "quietRemote")) {
        for (BenchQuery q : BenchQuery.values()) {
          JsonNode figure = t.get(phase).get(q.name());
          assertThat(figure.get("count").asInt()).as(phase + " " + q).isEqualTo(5);
          assertThat(figure.get("p99Millis").asDouble()).isGreaterThanOrEqualTo(figure.get("p50Millis").asDouble());
        }
      }
      assertThat(t.get("underLoad").has(BenchQuery.LAST_FIVE_MINUTES.name())).isTrue();
      assertThat(t.get("memory").size()).as("a time series").isGreaterThanOrEqualTo(2);
      assertThat(t.get("memory").get(0).get("heapAfterGcBytes").asLong()).isPositive();
      JsonNode storage = t.get("storageFigures");
      assertThat(storage.get("points").asLong()).isGreaterThanOrEqualTo(ingest.get("prefixPoints").asLong());
      assertThat(storage.get("bytesPerPoint").asDouble()).isPositive();
      for (SensorKind kind : SensorKind.values()) {
        assertThat(storage.get("bytesPerPointByMeasurement").get(kind.measurement()).asDouble())
            .as(kind.measurement()).isPositive();
      }
    }
  }

  @Test
  void theMarkdownHasEveryTableWithARowPerTarget() throws Exception {
    String md = Files.readString(out.resolve("results.md"), StandardCharsets.UTF_8);
    assertThat(md).contains("## Sustained ingest", "## Query latency under ingest load", "## Query latency in quiet, "
        + "embedded", "## Query latency in quiet, remote driver", "## Memory", "## Bytes per point", "## Charts",
        "| target | sensors | storage | points/s |", "| --- | ---: |");
    for (String target : EdgeTimeDbTargets.NAMES) {
      assertThat(md.split("\\| " + target + " \\| 100 \\|", -1)).as(target).hasSize(7); // six tables
    }
  }

  @Test
  void everyChartIsAPictureWithSomethingDrawn() throws Exception {
    List<String> charts = List.of("ingest-rate", "query-p50-100", "query-p99-100", "memory-100", "bytes-per-point-100");
    for (String chart : charts) {
      BufferedImage image = ImageIO.read(out.resolve(chart + ".png").toFile());
      assertThat(image).as(chart).isNotNull();
      assertThat(image.getWidth()).isEqualTo(1200);
      assertThat(colours(image)).as(chart + " has bars or lines in several colours").isGreaterThan(8);
      assertThat(Files.readString(out.resolve("results.md"))).contains("](" + chart + ".png)");
    }
  }

  private static int colours(BufferedImage image) {
    Set<Integer> seen = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 3) {
      for (int x = 0; x < image.getWidth(); x += 3) {
        seen.add(image.getRGB(x, y));
      }
    }
    return seen.size();
  }
}
