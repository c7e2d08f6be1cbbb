package io.edgetimedb.grammar.ast;

import java.util.Objects;
import java.util.Optional;

/**
 * {@code SHOW SERIES [FROM measurement] [WHERE condition]}.
 *
 * @param measurement the measurement to list series of; all measurements when empty
 * @param where the condition that the tags of a listed series must satisfy
 */
public record ShowSeries(Optional<String> measurement, Optional<TagCondition> where)
        implements EdgeStatement {
    public ShowSeries {
        Objects.requireNonNull(measurement, "measurement");
        Objects.requireNonNull(where, "where");
    }
}
