package io.edgetimedb.engine;

import io.edgetimedb.engine.schema.FieldType;

/** A field of a measurement and its current type. */
public record FieldInfo(String name, FieldType type) {}
