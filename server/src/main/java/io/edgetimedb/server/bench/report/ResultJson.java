package io.edgetimedb.server.bench.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A run's figures as one JSON document, the records of {@link RunReport} as they are: field
 * names are the records' component names, latencies in milliseconds, memory in bytes, rates in
 * points per second; questions are keyed by their {@code BenchQuery} name. A missing figure is
 * {@code null} (a peer has no remote driver), never left out, so every target has every key.
 * Each run gets its own file, named by its start time, so runs accumulate side by side.
 */
public final class ResultJson {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ResultJson() {}

  /** Writes the report to {@code bench-<start time>.json} in {@code directory} and returns the file. */
  public static Path write(RunReport report, Path directory) throws IOException {
    String stamp = report.machine().startedAt().replaceAll("[:.]", "-");
    Path file = directory.resolve("bench-" + stamp + ".json");
    MAPPER.writeValue(file.toFile(), report);
    return file;
  }
}
