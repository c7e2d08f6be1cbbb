package io.edgetimedb.grammar.ast;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code SHOW CONFIG [LIKE 'pattern']}: the settings with their values.
 *
 * @param likePattern the SQL LIKE pattern that setting names must match, unquoted
 */
public record ShowConfig(Optional<String> likePattern) implements EdgeStatement {
    public ShowConfig {
        Objects.requireNonNull(likePattern, "likePattern");
    }
}
