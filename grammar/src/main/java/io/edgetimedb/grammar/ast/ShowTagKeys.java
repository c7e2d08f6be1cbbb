package io.edgetimedb.grammar.ast;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code SHOW TAG KEYS [FROM measurement]}.
 *
 * @param measurement the measurement to list tag keys of; all measurements when empty
 */
public record ShowTagKeys(Optional<String> measurement) implements EdgeStatement {
    public ShowTagKeys {
        Objects.requireNonNull(measurement, "measurement");
    }
}
