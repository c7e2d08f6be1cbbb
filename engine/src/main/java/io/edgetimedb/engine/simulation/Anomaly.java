package io.edgetimedb.engine.simulation;

/**
 * One injected anomaly: a sensor (its index in the feed) behaves as {@code kind} over
 * [{@code startMillis}, {@code endMillis}) in true time. {@code magnitude} is in the sensor's own
 * unit: the offset of a spike, shift or drift (signed), the standard deviation of a noise burst,
 * and unused for stuck readings and dropouts.
 */
public record Anomaly(int sensor, AnomalyKind kind, long startMillis, long endMillis, double magnitude) {
  public Anomaly {
    if (endMillis <= startMillis) {
      throw new IllegalArgumentException("anomaly window [" + startMillis + ", " + endMillis + ") is empty");
    }
  }

  public boolean covers(long timestampMillis) {
    return timestampMillis >= startMillis && timestampMillis < endMillis;
  }

  public boolean overlaps(Anomaly other) {
    return sensor == other.sensor && startMillis < other.endMillis && other.startMillis < endMillis;
  }

  /** How far into its window a reading is, from 0 at the start towards 1 at the end. */
  double progress(long timestampMillis) {
    return (double) (timestampMillis - startMillis) / (endMillis - startMillis);
  }
}
