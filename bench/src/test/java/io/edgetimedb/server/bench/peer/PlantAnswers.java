package io.edgetimedb.server.bench.peer;

import io.edgetimedb.engine.write.PointBatch;
import io.edgetimedb.server.bench.BenchQuery;
import io.edgetimedb.server.bench.QueryArguments;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What each {@link BenchQuery} must answer about the plant feed a test wrote, worked out in plain
 * Java from the batches themselves, in the row shape of {@link SqlQuestions}. Rows are compared as
 * text ({@link #format}): times as ISO instants, numbers to six decimals (averages may differ in
 * their last bits between databases), text as is.
 */
final class PlantAnswers {
  private static final long MINUTE = 60_000;
  private static final long HOUR = 60 * MINUTE;

  private record Reading(String site, String line, String sensor, long ts, double value) { }

  private final List<Reading> temperatures = new ArrayList<>();
  private long points;

  /** Notes a batch as it is written. */
  void add(PointBatch batch) {
    PlantPoints read = new PlantPoints(batch);
    while (read.next()) {
      points++;
      if (PlantTable.ALL.get(read.tableIndex()).measurement().equals("temperature")) {
        temperatures.add(new Reading(read.tag(0), read.tag(1), read.tag(2), read.timestamp(), read.doubleValue()));
      }
    }
  }

  long points() {
    return points;
  }

  /** The rows the question must answer, in the order the question promises (any order for the last two). */
  List<String> rows(BenchQuery query, QueryArguments a) {
    return switch (query) {
      case LAST_FIVE_MINUTES -> range(a.sensor(), a.toMillis() - 5 * MINUTE, a.toMillis());
      case ONE_HOUR_RANGE -> range(a.sensor(), a.fromMillis(), a.fromMillis() + HOUR);
      case MINUTE_BUCKETS_OVER_ONE_HOUR -> minutes(a.sensor(), a.fromMillis(), a.fromMillis() + HOUR);
      case LATEST_OF_EVERY_SENSOR -> latest();
      case TAG_FILTER -> temperatures.stream()
          .filter(r -> r.site.equals(a.site()) && r.line.equals(a.line()) && r.ts >= a.fromMillis()
              && r.ts < a.fromMillis() + HOUR)
          .map(r -> format(r.sensor, r.ts, r.value)).collect(Collectors.toList());
    };
  }

  /** Whether the question promises an order of its rows. */
  static boolean ordered(BenchQuery query) {
    return query != BenchQuery.LATEST_OF_EVERY_SENSOR && query != BenchQuery.TAG_FILTER;
  }

  private List<String> range(String sensor, long from, long to) {
    return inRange(sensor, from, to).stream().map(r -> format(r.ts, r.value)).collect(Collectors.toList());
  }

  private List<String> minutes(String sensor, long from, long to) {
    Map<Long, List<Double>> byMinute = new TreeMap<>();
    for (Reading r : inRange(sensor, from, to)) {
      byMinute.computeIfAbsent(Math.floorDiv(r.ts, MINUTE) * MINUTE, m -> new ArrayList<>()).add(r.value);
    }
    List<String> rows = new ArrayList<>();
    byMinute.forEach((minute, values) -> rows.add(format(minute,
        values.stream().mapToDouble(Double::doubleValue).average().orElseThrow(),
        values.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
        values.stream().mapToDouble(Double::doubleValue).max().orElseThrow())));
    return rows;
  }

  private List<String> latest() {
    Map<String, Reading> latest = new TreeMap<>();
    for (Reading r : temperatures) {
      latest.merge(r.sensor, r, (a, b) -> b.ts > a.ts ? b : a);
    }
    return latest.values().stream().map(r -> format(r.sensor, r.ts, r.value)).collect(Collectors.toList());
  }

  private List<Reading> inRange(String sensor, long from, long to) {
    return temperatures.stream().filter(r -> r.sensor.equals(sensor) && r.ts >= from && r.ts < to)
        .sorted(Comparator.comparingLong(Reading::ts)).collect(Collectors.toList());
  }

  /** A row as text: Long as an instant (epoch ms), Double to six decimals, String as is. */
  static String format(Object... row) {
    List<String> cells = new ArrayList<>();
    for (Object cell : row) {
      if (cell instanceof Long ms) {
        cells.add(Instant.ofEpochMilli(ms).toString());
      } else if (cell instanceof Double d) {
        cells.add(String.format(Locale.ROOT, "%.6f", d));
      } else {
        cells.add(String.valueOf(cell));
      }
    }
    return String.join(" ", cells);
  }
}
