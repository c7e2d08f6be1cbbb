package io.edgetimedb.engine.memory;

import java.util.List;

/**
 * Bytes the engine holds, by measurement and by kind, against the budget. {@code dictionaries}
 * are the shared tag strings; {@code registry} the series-id table.
 */
public record MemoryUsage(List<MeasurementMemory> measurements, long dictionaries, long registry, long budget) {
  public MemoryUsage {
    measurements = List.copyOf(measurements);
  }

  public long heads() {
    return measurements.stream().mapToLong(MeasurementMemory::heads).sum();
  }

  public long chunks() {
    return measurements.stream().mapToLong(MeasurementMemory::chunks).sum();
  }

  public long index() {
    return measurements.stream().mapToLong(MeasurementMemory::index).sum() + registry;
  }

  public long total() {
    return heads() + chunks() + index() + dictionaries;
  }

  public long points() {
    return measurements.stream().mapToLong(MeasurementMemory::points).sum();
  }
}
