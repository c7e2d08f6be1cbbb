package io.edgetimedb.bench.compression;

/** Bytes a data set takes in one encoding, per point (a point: timestamp and value, or a value alone). */
public record CompressionFigure(String dataset, String series, String encoding, long points, long bytes) {
  public double bytesPerPoint() {
    return (double) bytes / points;
  }

  public double bitsPerPoint() {
    return 8.0 * bytes / points;
  }
}
