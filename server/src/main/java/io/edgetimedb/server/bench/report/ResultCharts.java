package io.edgetimedb.server.bench.report;

import io.edgetimedb.server.bench.BenchQuery;
import io.edgetimedb.server.bench.stats.LatencySummary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BitmapEncoder.BitmapFormat;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A run's figures as PNG charts drawn by XChart: the ingest rate by target and sensor count
 * ({@code ingest-rate.png}), and per sensor count N the quiet query latencies by question and
 * target ({@code query-p50-N.png}, {@code query-p99-N.png}, log scale; EdgeTimeDB's remote driver
 * as its own bars), memory over time ({@code memory-N.png}: engine accounting and heap after GC
 * per target) and bytes per point by sensor kind ({@code bytes-per-point-N.png}).
 */
public final class ResultCharts {
  private static final int WIDTH = 1200;
  private static final int HEIGHT = 600;

  private ResultCharts() {}

  /** Draws every chart into {@code directory} and returns the files, in the order above. */
  public static List<Path> write(RunReport report, Path directory) throws IOException {
    List<Path> files = new ArrayList<>();
    files.add(save(ingestRate(report), directory, "ingest-rate"));
    for (int sensors : report.settings().sensors()) {
      List<TargetReport> round = report.targets().stream().filter(t -> t.sensors() == sensors).toList();
      if (round.isEmpty()) {
        continue;
      }
      files.add(save(latency(round, sensors, 50, LatencySummary::p50Millis), directory, "query-p50-" + sensors));
      files.add(save(latency(round, sensors, 99, LatencySummary::p99Millis), directory, "query-p99-" + sensors));
      files.add(save(memory(round, sensors), directory, "memory-" + sensors));
      files.add(save(bytesPerPoint(round, sensors), directory, "bytes-per-point-" + sensors));
    }
    return files;
  }

  private static Path save(Chart<?, ?> chart, Path directory, String name) throws IOException {
    Path file = directory.resolve(name + ".png");
    BitmapEncoder.saveBitmap(chart, file.toString(), BitmapFormat.PNG);
    return file;
  }

  private static CategoryChart categoryChart(String title, String xTitle, String yTitle) {
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle)
        .yAxisTitle(yTitle).build();
    chart.getStyler().setLegendPosition(LegendPosition.OutsideE);
    chart.getStyler().setAvailableSpaceFill(0.9);
    return chart;
  }

  private static CategoryChart ingestRate(RunReport report) {
    CategoryChart chart = categoryChart("Sustained ingest while 10 queries/s run", "sensors", "million points/s");
    List<String> counts = report.settings().sensors().stream().map(n -> String.format(Locale.ROOT, "%,d", n)).toList();
    for (String target : targetNames(report.targets())) {
      List<Double> rates = new ArrayList<>();
      for (int sensors : report.settings().sensors()) {
        rates.add(report.targets().stream().filter(t -> t.target().equals(target) && t.sensors() == sensors)
            .mapToDouble(t -> t.ingest().pointsPerSecond() / 1e6).findFirst().orElse(0));
      }
      chart.addSeries(target, counts, rates);
    }
    return chart;
  }

  private static CategoryChart latency(List<TargetReport> round, int sensors, int percentile,
      ToDoubleFunction<LatencySummary> figure) {
    CategoryChart chart = categoryChart(String.format(Locale.ROOT, "Query latency p%d in quiet, %,d sensors",
        percentile, sensors), "question", "ms (log scale)");
    chart.getStyler().setYAxisLogarithmic(true);
    List<String> questions = new ArrayList<>();
    for (BenchQuery q : BenchQuery.values()) {
      questions.add(label(q));
    }
    double smallest = Double.MAX_VALUE;
    for (TargetReport t : round) {
      smallest = Math.min(smallest, addLatencies(chart, t.target(), questions, millis(t.quietEmbedded(), figure)));
      if (t.quietRemote() != null) {
        smallest = Math.min(smallest,
            addLatencies(chart, t.target() + " remote", questions, millis(t.quietRemote(), figure)));
      }
    }
    // bars start at the axis minimum, which XChart puts at 0 unless told: a log axis needs a floor below every bar
    chart.getStyler().setYAxisMin(Math.pow(10, Math.floor(Math.log10(smallest))));
    return chart;
  }

  /** Adds a series and returns its smallest figure. */
  private static double addLatencies(CategoryChart chart, String name, List<String> questions, List<Double> millis) {
    chart.addSeries(name, questions, millis);
    return millis.stream().filter(m -> m != null).mapToDouble(Double::doubleValue).min().orElse(Double.MAX_VALUE);
  }

  /** Short enough that five fit under their bars. */
  static String label(BenchQuery q) {
    return switch (q) {
      case LAST_FIVE_MINUTES -> "last 5 min";
      case ONE_HOUR_RANGE -> "1 h range";
      case MINUTE_BUCKETS_OVER_ONE_HOUR -> "1-min buckets over 1 h";
      case LATEST_OF_EVERY_SENSOR -> "latest of every sensor";
      case TAG_FILTER -> "tag filter, 1 h";
    };
  }

  /** A figure per question; a question that was never answered shows as the axis floor, not as 0 on a log axis. */
  private static List<Double> millis(Map<BenchQuery, LatencySummary> figures, ToDoubleFunction<LatencySummary> figure) {
    List<Double> values = new ArrayList<>();
    for (BenchQuery q : BenchQuery.values()) {
      LatencySummary s = figures.get(q);
      values.add(s == null ? null : Math.max(figure.applyAsDouble(s), 0.001));
    }
    return values;
  }

  private static XYChart memory(List<TargetReport> round, int sensors) {
    XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT)
        .title(String.format(Locale.ROOT, "Memory over each target's run, %,d sensors", sensors))
        .xAxisTitle("seconds since the target started").yAxisTitle("MiB").build();
    chart.getStyler().setLegendPosition(LegendPosition.OutsideE);
    for (TargetReport t : round) {
      List<Double> seconds = t.memory().stream().map(MemorySample::seconds).toList();
      chart.addSeries(t.target() + " engine", seconds,
          t.memory().stream().map(m -> m.engineBytes() / 1048576.0).toList()).setMarker(SeriesMarkers.NONE);
      chart.addSeries(t.target() + " heap after GC", seconds,
          t.memory().stream().map(m -> m.heapAfterGcBytes() / 1048576.0).toList()).setMarker(SeriesMarkers.NONE);
    }
    return chart;
  }

  private static CategoryChart bytesPerPoint(List<TargetReport> round, int sensors) {
    CategoryChart chart = categoryChart(String.format(Locale.ROOT, "Bytes per point, %,d sensors", sensors),
        "sensor kind (measurement)", "bytes per point");
    Set<String> kinds = new LinkedHashSet<>();
    round.forEach(t -> kinds.addAll(t.storageFigures().bytesPerPointByMeasurement().keySet()));
    List<String> categories = new ArrayList<>(kinds);
    categories.add("overall (bytes held)");
    for (TargetReport t : round) {
      List<Double> values = new ArrayList<>();
      for (String kind : kinds) {
        values.add(t.storageFigures().bytesPerPointByMeasurement().get(kind));
      }
      values.add(t.storageFigures().bytesPerPoint());
      chart.addSeries(t.target(), categories, values);
    }
    return chart;
  }

  private static Set<String> targetNames(List<TargetReport> targets) {
    Set<String> names = new LinkedHashSet<>();
    targets.forEach(t -> names.add(t.target()));
    return names;
  }
}
