package io.edgetimedb.grammar.ast;

import java.util.Objects;

/**
 * {@code DROP MEASUREMENT [IF EXISTS] name}.
 *
 * @param name the measurement name, normalised
 * @param ifExists whether a missing measurement is not an error
 */
public record DropMeasurement(String name, boolean ifExists) implements EdgeStatement {
    public DropMeasurement {
        Objects.requireNonNull(name, "name");
    }
}
