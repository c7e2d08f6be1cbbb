package io.edgetimedb.server.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.edgetimedb.server.bench.BenchQuery;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultJsonTest {
  @TempDir
  Path dir;

  @Test
  void writesEveryFigureUnderItsNameInAFileNamedByTheStartTime() throws Exception {
    Path file = ResultJson.write(SampleReports.twoTargetsTwoCounts(), dir);
    assertThat(file.getFileName().toString()).isEqualTo("bench-2026-11-27T10-00-00Z.json");
    JsonNode json = new ObjectMapper().readTree(file.toFile());
    assertThat(json.get("machine").get("cores").asInt()).isEqualTo(2);
    assertThat(json.get("machine").get("loadAverageEnd").asDouble()).isEqualTo(2.5);
    assertThat(json.get("settings").get("sensors").toString()).isEqualTo("[100,1000]");
    assertThat(json.get("skipped").get(0).asText()).startsWith("peer questdb");
    JsonNode tcp = json.get("targets").get(0);
    assertThat(tcp.get("target").asText()).isEqualTo("edgetimedb/tcp");
    assertThat(tcp.get("ingest").get("pointsPerSecond").asDouble()).isEqualTo(1_000_000.0);
    assertThat(tcp.get("quietRemote").get(BenchQuery.TAG_FILTER.name()).get("p99Millis").asDouble()).isEqualTo(11.0);
    assertThat(tcp.get("memory").get(2).get("engineBytes").asLong()).isEqualTo(20L << 20);
    assertThat(tcp.get("storageFigures").get("bytesPerPointByMeasurement").get("temperature").asDouble()).isEqualTo(0.8);
    JsonNode peer = json.get("targets").get(1);
    assertThat(peer.has("quietRemote")).as("a missing figure is null, not left out").isTrue();
    assertThat(peer.get("quietRemote").isNull()).isTrue();
    assertThat(json.get("machine").has("gitCommit")).isTrue();
  }
}
