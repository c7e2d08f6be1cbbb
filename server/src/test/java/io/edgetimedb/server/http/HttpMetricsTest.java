package io.edgetimedb.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.health.Severity;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /metrics}: Prometheus text with the engine's, the port's and the JVM's meters. */
class HttpMetricsTest {
  @TempDir
  Path dir;

  private static double value(String metrics, String series) {
    Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " (\\S+)$").matcher(metrics);
    assertThat(m.find()).as(series + " in\n" + metrics).isTrue();
    return Double.parseDouble(m.group(1));
  }

  @Test
  void metricsNameWhatWasWrittenRefusedAndAnswered() {
    try (Database db = Database.open(DatabaseConfig.defaults().withDataDirectory(dir));
        HttpPort http = new HttpPort(db)) {
      String before = http.get("/metrics").body();
      assertThat(value(before, "edgetimedb_points_written_total")).isZero();

      http.post("/api/v2/write?precision=ms", "boiler,s=a v=1 1\nboiler,s=b v=2 2\nboiler v=x 3\n");
      db.checkpoint();
      http.metrics.queryTimer().record(3, TimeUnit.MILLISECONDS);
      HttpResponse<String> answer = http.get("/metrics");

      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
      String metrics = answer.body();
      assertThat(value(metrics, "edgetimedb_points_written_total")).isEqualTo(2);
      assertThat(value(metrics, "edgetimedb_lines_refused_total{reason=\"parse\"}")).isEqualTo(1);
      assertThat(value(metrics, "edgetimedb_lines_refused_total{reason=\"database\"}")).isZero();
      assertThat(value(metrics,
          "edgetimedb_http_requests_seconds_count{endpoint=\"/api/v2/write\",status=\"400\"}")).isEqualTo(1);
      assertThat(value(metrics, "edgetimedb_http_requests_seconds_count{endpoint=\"/metrics\",status=\"200\"}"))
          .isEqualTo(1);
      assertThat(value(metrics, "edgetimedb_measurement_series{measurement=\"boiler\"}")).isEqualTo(2);
      assertThat(value(metrics, "edgetimedb_measurement_points{measurement=\"boiler\"}")).isEqualTo(2);
      assertThat(value(metrics, "edgetimedb_measurement_data_bytes{measurement=\"boiler\"}")).isPositive();
      assertThat(value(metrics, "edgetimedb_memory_used_bytes")).isPositive();
      assertThat(value(metrics, "edgetimedb_memory_budget_bytes")).isEqualTo(256L << 20);
      assertThat(value(metrics, "edgetimedb_memory_held_bytes{kind=\"heads\"}")).isPositive();
      assertThat(value(metrics, "edgetimedb_measurements")).isEqualTo(1);
      assertThat(value(metrics, "edgetimedb_wal_segments")).isPositive();
      assertThat(value(metrics, "edgetimedb_wal_size_bytes")).isPositive();
      assertThat(value(metrics, "edgetimedb_wal_failed")).isZero();
      assertThat(value(metrics, "edgetimedb_wal_fsyncs_total")).isPositive();
      assertThat(value(metrics, "edgetimedb_wal_last_fsync_seconds")).isNotNegative();
      assertThat(value(metrics, "edgetimedb_checkpoints_written_total")).isEqualTo(1);
      assertThat(value(metrics, "edgetimedb_checkpoints_failed_total")).isZero();
      assertThat(value(metrics, "edgetimedb_checkpoint_last_timestamp_seconds"))
          .isGreaterThan(System.currentTimeMillis() / 1000.0 - 60);
      assertThat(value(metrics, "edgetimedb_checkpoint_last_duration_seconds")).isPositive();
      assertThat(value(metrics, "edgetimedb_query_duration_seconds_count")).isEqualTo(1);
      assertThat(metrics).contains("edgetimedb_query_duration_seconds{quantile=\"0.99\"}", "jvm_memory_used_bytes",
          "jvm_gc_", "jvm_threads_live_threads", "process_uptime_seconds", "system_cpu_count");
    }
  }

  @Test
  void healthConditionsAreCountedByNameAndGaugedBySeverity() {
    try (Database db = Database.open(DatabaseConfig.defaults()); HttpPort http = new HttpPort(db)) {
      assertThat(value(http.get("/metrics").body(), "edgetimedb_health_conditions{severity=\"damaged\"}")).isZero();
      db.health().raise("wal-segment-damaged", Severity.DAMAGED, "wal-00000001.seg set aside");
      db.health().clear("wal-segment-damaged");
      db.health().raise("wal-segment-damaged", Severity.DAMAGED, "wal-00000009.seg set aside");

      String metrics = http.get("/metrics").body();
      assertThat(value(metrics, "edgetimedb_health_conditions{severity=\"damaged\"}")).isEqualTo(1);
      assertThat(value(metrics, "edgetimedb_health_conditions{severity=\"unavailable\"}")).isZero();
      assertThat(value(metrics, "edgetimedb_health_raised_total{condition=\"wal-segment-damaged\"}")).isEqualTo(2);
    }
  }

  @Test
  void aDroppedMeasurementLosesItsGaugesAndUnknownPathsShareOneSeries() {
    try (Database db = Database.open(DatabaseConfig.defaults()); HttpPort http = new HttpPort(db)) {
      http.post("/write?precision=ms", "gone v=1 1");
      assertThat(http.get("/metrics").body()).contains("measurement=\"gone\"").doesNotContain("edgetimedb_wal_");
      db.dropMeasurement("gone", "test");
      http.get("/a");
      http.get("/b");

      String metrics = http.get("/metrics").body();
      assertThat(metrics).doesNotContain("measurement=\"gone\"");
      assertThat(value(metrics, "edgetimedb_http_requests_seconds_count{endpoint=\"other\",status=\"404\"}"))
          .isEqualTo(2);
    }
  }
}
