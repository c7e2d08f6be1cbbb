package io.edgetimedb.server.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResultChartsTest {
  @TempDir
  Path dir;

  @Test
  void drawsTheIngestChartAndFourChartsPerSensorCountAsPictures() throws Exception {
    List<Path> files = ResultCharts.write(SampleReports.twoTargetsTwoCounts(), dir);
    assertThat(files.stream().map(f -> f.getFileName().toString())).containsExactly("ingest-rate.png",
        "query-p50-100.png", "query-p99-100.png", "memory-100.png", "bytes-per-point-100.png",
        "query-p50-1000.png", "query-p99-1000.png", "memory-1000.png", "bytes-per-point-1000.png");
    for (Path file : files) {
      BufferedImage image = ImageIO.read(file.toFile());
      assertThat(image).as(file.toString()).isNotNull();
      assertThat(image.getWidth()).isEqualTo(1200);
      assertThat(image.getHeight()).isEqualTo(600);
      assertThat(colours(image)).as(file + " shows series in their colours").isGreaterThan(8);
    }
  }

  @Test
  void aSensorCountWithoutResultsGetsNoCharts() throws Exception {
    RunReport report = SampleReports.twoTargetsTwoCounts();
    RunReport onlyHundred = new RunReport(report.machine(), new RunSettings(List.of(100, 10_000), 20, 3_600, 10, 100,
        false, List.of()), report.targets().stream().filter(t -> t.sensors() == 100).toList(), List.of());
    assertThat(ResultCharts.write(onlyHundred, dir)).hasSize(5)
        .noneMatch(f -> f.getFileName().toString().contains("10000"));
  }

  static int colours(BufferedImage image) {
    Set<Integer> seen = new HashSet<>();
    for (int y = 0; y < image.getHeight(); y += 3) {
      for (int x = 0; x < image.getWidth(); x += 3) {
        seen.add(image.getRGB(x, y));
      }
    }
    return seen.size();
  }
}
