package io.edgetimedb.server.bench.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgetimedb.engine.schema.FieldType;
import io.edgetimedb.engine.simulation.SensorFeed;
import io.edgetimedb.engine.write.PointBatch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PlantPointsTest {

  @Test
  void readsEveryPointOfTheFeedInTableShape() {
    PointBatch batch = new PointBatch();
    new SensorFeed(14, 1, 1_700_000_000_000L, 1_000).nextTick(batch);

    List<String> read = new ArrayList<>();
    PlantPoints points = new PlantPoints(batch);
    while (points.next()) {
      PlantTable table = PlantTable.ALL.get(points.tableIndex());
      assertThat(points.type()).isEqualTo(table.type());
      read.add(table.measurement() + " " + points.tag(0) + " " + points.tag(1) + " " + points.tag(2));
    }

    assertThat(read).hasSize(14).startsWith("temperature site-0 line-0 s00000", "pressure site-1 line-1 s00001")
        .contains("status site-2 line-6 s00006", "temperature site-3 line-7 s00007");
  }

  @Test
  void readsTagsInAnyOrderAndEachFieldType() {
    PointBatch batch = new PointBatch();
    batch.point("status", 5).tag("sensor", "s9").tag("line", "l").tag("site", "A").field("state", "OK");
    batch.point("door", 6).tag("site", "A").tag("line", "l").tag("sensor", "s4").field("open", true);
    batch.point("energy", 7).tag("site", "A").tag("line", "l").tag("sensor", "s3").field("wh", 42L);
    batch.point("pressure", 8).tag("site", "A").tag("line", "l").tag("sensor", "s1").field("value", 101.325);

    PlantPoints points = new PlantPoints(batch);
    assertThat(points.next()).isTrue();
    assertThat(List.of(points.tag(0), points.tag(1), points.tag(2), points.stringValue())).containsExactly("A", "l", "s9", "OK");
    assertThat(points.next()).isTrue();
    assertThat(points.booleanValue()).isTrue();
    assertThat(points.next()).isTrue();
    assertThat(points.longValue()).isEqualTo(42L);
    assertThat(points.next()).isTrue();
    assertThat(points.type()).isEqualTo(FieldType.DOUBLE);
    assertThat(points.doubleValue()).isEqualTo(101.325);
    assertThat(points.timestamp()).isEqualTo(8);
    assertThat(points.next()).isFalse();
  }

  @Test
  void refusesAnUnknownMeasurementNamingIt() {
    PointBatch batch = new PointBatch();
    batch.point("boiler", 5).tag("site", "A").tag("line", "l").tag("sensor", "s").field("value", 1.0);

    assertThatThrownBy(() -> new PlantPoints(batch).next())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("point 0 (boiler at 5): measurement 'boiler' is not one of the plant feed's"
            + " (temperature, pressure, vibration, energy, door, valve, status)");
  }

  @Test
  void refusesMissingOrUnknownTags() {
    PointBatch missing = new PointBatch();
    missing.point("temperature", 5).tag("site", "A").tag("sensor", "s").field("value", 1.0);
    PointBatch unknown = new PointBatch();
    unknown.point("temperature", 5).tag("site", "A").tag("line", "l").tag("sensor", "s").tag("unit", "C")
        .field("value", 1.0);

    assertThatThrownBy(() -> new PlantPoints(missing).next()).hasMessageEndingWith("tag 'line' is missing");
    assertThatThrownBy(() -> new PlantPoints(unknown).next())
        .hasMessageEndingWith("tag 'unit' is not one of the plant feed's [site, line, sensor]");
  }

  @Test
  void refusesAFieldOfAnotherNameOrTypeOrCount() {
    PointBatch wrongType = new PointBatch();
    wrongType.point("temperature", 5).tag("site", "A").tag("line", "l").tag("sensor", "s").field("value", 21L);
    PointBatch twoFields = new PointBatch();
    twoFields.point("temperature", 5).tag("site", "A").tag("line", "l").tag("sensor", "s").field("value", 1.0)
        .field("raw", 2.0);
    PointBatch none = new PointBatch();
    none.point("temperature", 5).tag("site", "A").tag("line", "l").tag("sensor", "s");

    assertThatThrownBy(() -> new PlantPoints(wrongType).next())
        .hasMessageEndingWith("expected one field 'value' DOUBLE, got 1 field(s), the first 'value' BIGINT");
    assertThatThrownBy(() -> new PlantPoints(twoFields).next())
        .hasMessageEndingWith("expected one field 'value' DOUBLE, got 2 field(s), the first 'value' DOUBLE");
    assertThatThrownBy(() -> new PlantPoints(none).next())
        .hasMessageEndingWith("expected one field 'value' DOUBLE, got no field");
  }
}
