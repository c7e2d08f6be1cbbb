package io.edgetimedb.grammar.ast;

import java.util.List;
import java.util.Objects;

/**
 * {@code CREATE MEASUREMENT [IF NOT EXISTS] name (col TYPE, ...)}.
 *
 * @param name the measurement name, normalised
 * @param ifNotExists whether an existing measurement of that name is not an error
 * @param columns the declared columns in declaration order, without the implicit {@code ts}
 */
public record CreateMeasurement(String name, boolean ifNotExists, List<ColumnDef> columns)
        implements EdgeStatement {
    public CreateMeasurement {
        Objects.requireNonNull(name, "name");
        columns = List.copyOf(columns);
    }
}
