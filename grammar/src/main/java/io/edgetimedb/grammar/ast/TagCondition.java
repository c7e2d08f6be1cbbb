package io.edgetimedb.grammar.ast;

import java.util.List;
import java.util.Objects;

/**
 * A predicate on the tags of a series, as in {@code SHOW SERIES ... WHERE}. Keys are normalised
 * tag names; values and patterns are the unquoted string literals.
 */
public sealed interface TagCondition {

    /** {@code key = 'value'}. */
    record Equals(String key, String value) implements TagCondition {
        public Equals {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code key <> 'value'} or {@code key != 'value'}. */
    record NotEquals(String key, String value) implements TagCondition {
        public NotEquals {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code key IN ('a', 'b')}, or {@code key NOT IN (...)} when {@code negated}. */
    record In(String key, List<String> values, boolean negated) implements TagCondition {
        public In {
            Objects.requireNonNull(key, "key");
            values = List.copyOf(values);
        }
    }

    /** {@code key LIKE 'pattern'} with SQL's {@code %} and {@code _} wildcards. */
    record Like(String key, String pattern) implements TagCondition {
        public Like {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(pattern, "pattern");
        }
    }

    /** Both conditions hold. */
    record And(TagCondition left, TagCondition right) implements TagCondition {
        public And {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    /** At least one of the conditions holds. */
    record Or(TagCondition left, TagCondition right) implements TagCondition {
        public Or {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    /** The condition does not hold. */
    record Not(TagCondition operand) implements TagCondition {
        public Not {
            Objects.requireNonNull(operand, "operand");
        }
    }
}
