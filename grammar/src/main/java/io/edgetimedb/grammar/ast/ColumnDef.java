package io.edgetimedb.grammar.ast;

import java.util.Objects;

/**
 * One declared column of a measurement.
 *
 * @param name the column name, normalised
 * @param kind what the column holds
 */
public record ColumnDef(String name, ColumnKind kind) {
    public ColumnDef {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }
}
