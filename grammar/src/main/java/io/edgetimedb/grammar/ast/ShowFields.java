package io.edgetimedb.grammar.ast;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code SHOW FIELDS [FROM measurement]}: the non-tag columns.
 *
 * @param measurement the measurement to list fields of; all measurements when empty
 */
public record ShowFields(Optional<String> measurement) implements EdgeStatement {
    public ShowFields {
        Objects.requireNonNull(measurement, "measurement");
    }
}
