package io.edgetimedb.bench.compression;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.chunkenc.ByteSink;
import io.edgetimedb.engine.chunkenc.DoubleColumnCodec;
import io.edgetimedb.engine.memory.MeasurementMemory;
import io.edgetimedb.engine.read.PointCursor;
import io.edgetimedb.engine.read.ReadRequest;
import io.edgetimedb.engine.simulation.SensorFeed;
import io.edgetimedb.engine.write.PointBatch;
import io.edgetimedb.testsupport.RealSeries;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Bytes per point the engine stores, on the realistic plant feed and on the real series in
 * {@code shared/data}, next to xz -9 and zstd -19 over the same points. Engine figures are the
 * sealed chunks' heap bytes (data, directory and chunk objects) divided by the points, so chunk
 * overhead is included.
 *
 * <p>{@code java -cp bench/target/benchmarks.jar io.edgetimedb.bench.compression.CompressionReport [out-dir]}
 */
public final class CompressionReport {
  private CompressionReport() {}

  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "bench/results");
    List<CompressionFigure> figures = new ArrayList<>();
    figures.addAll(plantFeed(600, 3600));
    figures.addAll(alpSamples());
    figures.addAll(nabSeries());
    Files.createDirectories(out);
    Files.writeString(out.resolve("compression.md"), markdown(figures), StandardCharsets.UTF_8);
    System.out.print(markdown(figures));
  }

  /** The plant feed through the engine, per sensor kind and overall, plus the yardsticks. */
  public static List<CompressionFigure> plantFeed(int sensors, int ticks) {
    List<CompressionFigure> figures = new ArrayList<>();
    try (Database db = Database.open(DatabaseConfig.defaults())) {
      new SensorFeed(sensors, 1, 1_700_000_000_000L, 1000).writeTicks(db, ticks);
      db.sealHeads();
      long points = 0;
      long bytes = 0;
      for (MeasurementMemory m : db.memoryUsage().measurements()) {
        figures.add(new CompressionFigure("plant feed", m.measurement(), "EdgeTimeDB", m.points(), m.chunks()));
        points += m.points();
        bytes += m.chunks();
      }
      figures.add(new CompressionFigure("plant feed", "all", "EdgeTimeDB", points, bytes));
      byte[] raw = rawRecords(db);
      figures.add(new CompressionFigure("plant feed", "all", "xz -9", points, GeneralPurposeCompressors.xz9(raw)));
      figures.add(new CompressionFigure("plant feed", "all", "zstd -19", points, GeneralPurposeCompressors.zstd19(raw)));
    }
    return figures;
  }

  /** Every point as a 16-byte record (timestamp, value bits), series after series. */
  private static byte[] rawRecords(Database db) {
    ByteBuffer raw = ByteBuffer.allocate(Math.toIntExact(16 * db.memoryUsage().points())).order(ByteOrder.LITTLE_ENDIAN);
    for (String measurement : db.measurements()) {
      try (PointCursor c = db.read(ReadRequest.of(measurement))) {
        while (c.next()) {
          raw.putLong(c.timestamp()).putLong(rawValue(c));
        }
      }
    }
    return raw.array();
  }

  private static long rawValue(PointCursor c) {
    return switch (c.fieldType(0)) {
      case DOUBLE -> Double.doubleToRawLongBits(c.getDouble(0));
      case BIGINT, BOOLEAN -> c.getLong(0);
      default -> c.getString(0).hashCode();
    };
  }

  /** Values only, through the double codec the engine picks per chunk (1,024 values a sample). */
  public static List<CompressionFigure> alpSamples() {
    List<CompressionFigure> figures = new ArrayList<>();
    DoubleColumnCodec codec = new DoubleColumnCodec();
    ByteSink sink = new ByteSink(1 << 14);
    for (String name : RealSeries.alpSampleNames()) {
      double[] values = RealSeries.alpSample(name);
      sink.reset();
      codec.encode(values, values.length, sink);
      figures.add(new CompressionFigure("alp-samples (values only)", name, "EdgeTimeDB", values.length, sink.size()));
    }
    return figures;
  }

  /** Each NAB series written through the engine as one series, timestamps and values. */
  public static List<CompressionFigure> nabSeries() {
    List<CompressionFigure> figures = new ArrayList<>();
    for (String name : RealSeries.nabSeriesNames()) {
      RealSeries.NabSeries series = RealSeries.nab(name);
      try (Database db = Database.open(DatabaseConfig.defaults())) {
        PointBatch batch = new PointBatch();
        for (int i = 0; i < series.values().length; i++) {
          batch.point("nab", series.timestampsMillis()[i]).field("value", series.values()[i]);
        }
        db.write(batch);
        db.sealHeads();
        MeasurementMemory m = db.memoryUsage().measurements().get(0);
        figures.add(new CompressionFigure("NAB", name, "EdgeTimeDB", m.points(), m.chunks()));
      }
    }
    return figures;
  }

  static String markdown(List<CompressionFigure> figures) {
    StringBuilder md = new StringBuilder("| data set | series | encoding | points | bytes | bytes/point | bits/point |\n");
    md.append("|---|---|---|---:|---:|---:|---:|\n");
    for (CompressionFigure f : figures) {
      md.append(String.format(Locale.ROOT, "| %s | %s | %s | %,d | %,d | %.3f | %.2f |%n", f.dataset(), f.series(),
          f.encoding(), f.points(), f.bytes(), f.bytesPerPoint(), f.bitsPerPoint()));
    }
    return md.toString();
  }
}
