package io.edgetimedb.grammar.ast;

import java.util.Objects;

/**
 * {@code SET name = value}: changes a setting while the database runs.
 *
 * @param name the dotted setting name exactly as written, such as {@code http.max-body-size}
 * @param value the value as text: a quoted literal unquoted, anything else as written
 *     ({@code 64MiB}, {@code 10 ms}, {@code always})
 */
public record SetSetting(String name, String value) implements EdgeStatement {
    public SetSetting {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
