package io.edgetimedb.engine.simulation;

import io.edgetimedb.engine.schema.FieldType;

/** The kinds of sensor a plant feed mixes, each with the measurement and field it writes. */
public enum SensorKind {
  /** 0.01 °C resolution, slow random walk around 20 °C. */
  TEMPERATURE("temperature", "value", FieldType.DOUBLE),
  /** 0.001 kPa resolution, random walk around 101.325 kPa. */
  PRESSURE("pressure", "value", FieldType.DOUBLE),
  /** A 16-bit ADC reading a vibrating machine: a sine plus noise, in raw counts. */
  VIBRATION("vibration", "counts", FieldType.BIGINT),
  /** A monotonically increasing energy meter in Wh. */
  ENERGY("energy", "wh", FieldType.BIGINT),
  /** A door contact that changes rarely. */
  DOOR("door", "open", FieldType.BOOLEAN),
  /** A valve's open/closed feedback, switched by the process more often than a door. */
  VALVE("valve", "open", FieldType.BOOLEAN),
  /** A status text that is mostly OK. */
  STATUS("status", "state", FieldType.VARCHAR);

  private final String measurement;
  private final String field;
  private final FieldType type;

  SensorKind(String measurement, String field, FieldType type) {
    this.measurement = measurement;
    this.field = field;
    this.type = type;
  }

  public String measurement() {
    return measurement;
  }

  public String field() {
    return field;
  }

  public FieldType type() {
    return type;
  }

  /** Whether readings are numbers an anomaly can bend (counters and states only drop out). */
  public boolean analog() {
    return this == TEMPERATURE || this == PRESSURE || this == VIBRATION;
  }
}
