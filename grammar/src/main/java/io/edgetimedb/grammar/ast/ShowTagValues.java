package io.edgetimedb.grammar.ast;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code SHOW TAG VALUES [FROM measurement] WITH KEY = key} or {@code ... WITH KEY IN (k1, k2)}.
 *
 * @param measurement the measurement to list tag values of; all measurements when empty
 * @param keys the tag keys whose values to list, normalised, never empty
 */
public record ShowTagValues(Optional<String> measurement, List<String> keys)
        implements EdgeStatement {
    public ShowTagValues {
        Objects.requireNonNull(measurement, "measurement");
        keys = List.copyOf(keys);
    }
}
