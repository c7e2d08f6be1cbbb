package io.edgetimedb.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgetimedb.testsupport.RealSeries.NabSeries;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealSeriesTest {
  private final String configured = System.getProperty(RealSeries.DATA_DIR_PROPERTY);

  @AfterEach
  void restoreProperty() {
    if (configured == null) {
      System.clearProperty(RealSeries.DATA_DIR_PROPERTY);
    } else {
      System.setProperty(RealSeries.DATA_DIR_PROPERTY, configured);
    }
  }

  @Test
  void findsTheSharedDataFolder() {
    Path dir = RealSeries.dataDir();
    assertThat(dir.resolve("alp-samples")).isDirectory();
    assertThat(dir.resolve("nab")).isDirectory();
  }

  @Test
  void readsAlpSamplesByName() {
    assertThat(RealSeries.alpSampleNames()).contains("neon_bio_temp_c").doesNotContain("LICENSE");
    double[] values = RealSeries.alpSample("neon_bio_temp_c");
    assertThat(values).hasSize(1024);
    assertThat(values[0]).isEqualTo(12.47);
  }

  @Test
  void parsesNabTimestampsAsUtc() {
    String name = "realKnownCause/ambient_temperature_system_failure.csv";
    assertThat(RealSeries.nabSeriesNames()).contains(name);
    NabSeries series = RealSeries.nab(name);
    assertThat(series.name()).isEqualTo(name);
    assertThat(series.values()).hasSize(7267);
    assertThat(series.timestampsMillis()[0])
        .isEqualTo(Instant.parse("2013-07-04T00:00:00Z").toEpochMilli());
    assertThat(series.values()[0]).isEqualTo(69.88083514);
    assertThat(series.timestampsMillis()[1] - series.timestampsMillis()[0]).isEqualTo(3_600_000);
  }

  @Test
  void systemPropertyOverridesTheSearch(@TempDir Path dir) throws Exception {
    Files.createDirectories(dir.resolve("alp-samples"));
    Files.writeString(dir.resolve("alp-samples/tiny.csv"), "1.5\n-0.25\n\n");
    System.setProperty(RealSeries.DATA_DIR_PROPERTY, dir.toString());
    assertThat(RealSeries.dataDir()).isEqualTo(dir);
    assertThat(RealSeries.alpSampleNames()).containsExactly("tiny");
    assertThat(RealSeries.alpSample("tiny")).containsExactly(1.5, -0.25);
  }

  @Test
  void missingConfiguredFolderFailsClearly(@TempDir Path dir) {
    System.setProperty(RealSeries.DATA_DIR_PROPERTY, dir.resolve("absent").toString());
    assertThatThrownBy(RealSeries::dataDir)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("absent");
  }
}
