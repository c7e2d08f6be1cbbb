package io.edgetimedb.sql.table;

import io.edgetimedb.engine.schema.FieldType;

/**
 * One column of a measurement table as the engine names it.
 *
 * @param type the field type when the table was looked up; null for the time column and tags
 */
public record Column(String name, ColumnKind kind, FieldType type) {}
