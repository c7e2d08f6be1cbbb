package io.edgetimedb.engine.schema;

/**
 * A field of a measurement: its dense id (the column id inside chunks) and its current type.
 * The type only widens; chunks written before a widening keep their stored type.
 */
public final class FieldSchema {
  private final String name;
  private final int id;
  private volatile FieldType type;

  public FieldSchema(String name, int id, FieldType type) {
    this.name = name;
    this.id = id;
    this.type = type;
  }

  public String name() {
    return name;
  }

  public int id() {
    return id;
  }

  public FieldType type() {
    return type;
  }

  void widenTo(FieldType wider) {
    type = wider;
  }

  @Override
  public String toString() {
    return name + " " + type;
  }
}
