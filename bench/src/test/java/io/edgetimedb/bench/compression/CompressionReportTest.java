package io.edgetimedb.bench.compression;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompressionReportTest {

  @Test
  void plantFeedBeatsRawRecordsAndNamesEveryKind() {
    List<CompressionFigure> figures = CompressionReport.plantFeed(60, 1100);

    assertThat(figures).extracting(CompressionFigure::series)
        .contains("door", "energy", "pressure", "status", "temperature", "vibration", "all");
    CompressionFigure engine = figures.stream()
        .filter(f -> f.series().equals("all") && f.encoding().equals("EdgeTimeDB")).findFirst().orElseThrow();
    assertThat(engine.points()).isEqualTo(60 * 1100);
    assertThat(engine.bytesPerPoint()).isLessThan(16.0 / 10);
    assertThat(figures).filteredOn(f -> f.encoding().startsWith("xz") || f.encoding().startsWith("zstd"))
        .hasSize(2).allSatisfy(f -> assertThat(f.bytes()).isPositive());
  }

  @Test
  void realSeriesAreMeasured() {
    assertThat(CompressionReport.alpSamples()).hasSize(12)
        .allSatisfy(f -> assertThat(f.bitsPerPoint()).isBetween(0.0, 70.0));
    assertThat(CompressionReport.nabSeries()).isNotEmpty()
        .allSatisfy(f -> assertThat(f.bytesPerPoint()).isLessThan(16.0));
  }

  @Test
  void markdownHasOneRowPerFigure() {
    String md = CompressionReport.markdown(List.of(new CompressionFigure("d", "s", "e", 4, 2)));
    assertThat(md).contains("| d | s | e | 4 | 2 | 0.500 | 4.00 |");
  }
}
