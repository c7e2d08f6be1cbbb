package io.edgetimedb.grammar.ast;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code SHOW MEASUREMENTS [LIKE 'pattern']}.
 *
 * @param likePattern the SQL LIKE pattern that names must match, unquoted
 */
public record ShowMeasurements(Optional<String> likePattern) implements EdgeStatement {
    public ShowMeasurements {
        Objects.requireNonNull(likePattern, "likePattern");
    }
}
