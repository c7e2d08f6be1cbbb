package io.edgetimedb.server.bench.peer;

import io.edgetimedb.engine.schema.FieldType;
import io.edgetimedb.engine.simulation.SensorKind;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A table of the plant feed as every peer stores it: one per measurement ({@link SensorKind}),
 * with the columns {@code ts}, the tags {@link #TAGS} and the measurement's one field. Each peer
 * spells the column types in its own SQL.
 */
record PlantTable(String measurement, String field, FieldType type) {
  /** The feed's tags, in the order of the tables' columns. */
  static final List<String> TAGS = List.of("site", "line", "sensor");

  /** The table of each measurement, in {@link SensorKind} order. */
  static final List<PlantTable> ALL = Arrays.stream(SensorKind.values())
      .map(kind -> new PlantTable(kind.measurement(), kind.field(), kind.type()))
      .collect(Collectors.toUnmodifiableList());

  /** Index of a measurement's table in {@link #ALL}, or -1. */
  static int indexOf(String measurement) {
    for (int i = 0; i < ALL.size(); i++) {
      if (ALL.get(i).measurement.equals(measurement)) {
        return i;
      }
    }
    return -1;
  }

  static String measurements() {
    return ALL.stream().map(PlantTable::measurement).collect(Collectors.joining(", "));
  }
}
