package io.edgetimedb.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Real measured series from the shared data folder, for tests that must hold on real data.
 *
 * <p>The folder is the system property {@code edgetimedb.shared.data} if set, else the first
 * {@code shared/data} found beside the working directory or one of its ancestors: a checkout at
 * {@code /work/main} or {@code /work/wt-x} (tests run in its module folder) and a CI clone with
 * {@code shared/} beside it both find it.
 */
public final class RealSeries {
  public static final String DATA_DIR_PROPERTY = "edgetimedb.shared.data";

  private static final DateTimeFormatter NAB_TIMESTAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /** One NAB file: the timestamps (UTC epoch millis) and values of its rows. */
  public record NabSeries(String name, long[] timestampsMillis, double[] values) {}

  private RealSeries() {}

  public static Path dataDir() {
    String configured = System.getProperty(DATA_DIR_PROPERTY);
    if (configured != null) {
      return requireDirectory(Paths.get(configured));
    }
    Path start = Paths.get("").toAbsolutePath();
    for (Path dir = start; dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve("shared").resolve("data");
      if (Files.isDirectory(candidate)) {
        return candidate;
      }
    }
    throw new IllegalStateException(
        "no shared/data folder beside " + start + " or its ancestors; set -D" + DATA_DIR_PROPERTY);
  }

  /** Names of the ALP sample files without the {@code .csv} suffix, sorted. */
  public static List<String> alpSampleNames() {
    try (Stream<Path> files = Files.list(dataDir().resolve("alp-samples"))) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(f -> f.endsWith(".csv"))
          .map(f -> f.substring(0, f.length() - ".csv".length()))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static double[] alpSample(String name) {
    return readLines(dataDir().resolve("alp-samples").resolve(name + ".csv")).stream()
        .filter(line -> !line.isBlank())
        .mapToDouble(line -> Double.parseDouble(line.strip()))
        .toArray();
  }

  /** Paths of the NAB files relative to the nab folder, with '/' separators, sorted. */
  public static List<String> nabSeriesNames() {
    Path nab = dataDir().resolve("nab");
    try (Stream<Path> files = Files.walk(nab)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".csv"))
          .map(f -> nab.relativize(f).toString().replace(f.getFileSystem().getSeparator(), "/"))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static NabSeries nab(String name) {
    List<String> rows =
        readLines(dataDir().resolve("nab").resolve(name)).stream()
            .skip(1) // header: timestamp,value
            .filter(line -> !line.isBlank())
            .collect(Collectors.toList());
    long[] timestamps = new long[rows.size()];
    double[] values = new double[rows.size()];
    for (int i = 0; i < rows.size(); i++) {
      String row = rows.get(i);
      int comma = row.indexOf(',');
      timestamps[i] =
          LocalDateTime.parse(row.substring(0, comma).strip(), NAB_TIMESTAMP)
              .toInstant(ZoneOffset.UTC)
              .toEpochMilli();
      values[i] = Double.parseDouble(row.substring(comma + 1).strip());
    }
    return new NabSeries(name, timestamps, values);
  }

  private static Path requireDirectory(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new IllegalStateException(DATA_DIR_PROPERTY + " is not a folder: " + dir);
    }
    return dir;
  }

  private static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
