package io.edgetimedb.server.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultTableTest {
  @TempDir
  Path dir;

  @Test
  void everyFigureHasItsTableWithARowPerTargetAndSensorCount() throws Exception {
    Path file = ResultTable.write(SampleReports.twoTargetsTwoCounts(), List.of(dir.resolve("ingest-rate.png")), dir);
    String md = Files.readString(file);
    assertThat(file.getFileName().toString()).isEqualTo("results.md");
    assertThat(md).contains("Machine: 2 cores, 8192.0 MiB memory, OpenJDK 17, Linux 6.1 amd64; load average 1.50 at "
        + "the start, 2.50 at the end", "commit unknown", "peers asked for: [sqlite]");
    assertThat(md).contains("| target | sensors | storage | points/s | points in phase | phase s |"
        + " data time covered | queries asked (late) |\n| --- | ---: | ---: |");
    assertThat(md).contains("| edgetimedb/tcp | 1,000 | durable | 10,000,000 | 20,000,000 | 20.0 | 7200 s | 200 (3) |");
    // quiet, embedded: p50 0.5 ms and p99 1.0 ms for the first question
    assertThat(md).contains("| edgetimedb/tcp | 100 | 0.500 / 1.000 | 1.500 / 3.000 |");
    assertThat(md).contains("| sqlite/jdbc | 100 | 2.000 / 4.000 |");
    assertThat(md).contains("| edgetimedb/tcp | 100 | 20.0 MiB | 20.0 MiB | 61.0 MiB | 61.0 MiB | 3 |");
    assertThat(md).contains("| target | sensors | points | bytes held | overall | status | temperature |",
        "| edgetimedb/tcp | 100 | 20,000,000 | 28.6 MiB | 1.50 | 0.10 | 0.80 |", "| sqlite/jdbc | 100 | 20,000,000 |"
            + " 28.6 MiB | 1.50 | - | - |");
    assertThat(md).contains("## Skipped\n\n- peer questdb: unavailable (no jar); skipped", "![ingest-rate.png](ingest-rate.png)");
  }

  @Test
  void theRemoteTableHasOnlyTargetsWithARemoteDriver() {
    String md = ResultTable.render(SampleReports.twoTargetsTwoCounts(), List.of());
    String remote = md.substring(md.indexOf("remote driver"), md.indexOf("## Memory"));
    assertThat(remote).contains("edgetimedb/tcp").doesNotContain("sqlite/jdbc");
    assertThat(md).doesNotContain("## Charts");
  }

  @Test
  void aCellCannotSplitItsRowAndARowMustFitTheHeader() {
    MarkdownTable table = new MarkdownTable(List.of("a", "b"));
    table.row(List.of("x|y", "1"));
    assertThat(table.render()).isEqualTo("| a | b |\n| --- | ---: |\n| x\\|y | 1 |\n");
    assertThatThrownBy(() -> table.row(List.of("only one"))).hasMessage("1 cells for 2 columns: [only one]");
  }
}
