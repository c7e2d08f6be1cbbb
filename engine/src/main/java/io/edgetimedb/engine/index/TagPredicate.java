package io.edgetimedb.engine.index;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A boolean expression over the tags of a series, evaluated to a bitmap of series ids by {@link
 * TagIndex#select}.
 *
 * <p>Tag semantics follow InfluxDB: a series that lacks a tag key behaves as if that key had the
 * value {@code ""}. So {@code eq("site", "")} and {@code in("site", List.of("", "A"))} match
 * series without a {@code site} tag, while {@link #prefix} and {@link #hasKey} only match series
 * that carry the key.
 *
 * <p>Every record's {@code toString()} renders the predicate as SQL, because EXPLAIN plans print
 * it: {@code (site = 'A' AND NOT (type IN ('t', 'p')))}.
 */
public sealed interface TagPredicate {

  /** Matches every series. */
  static TagPredicate all() {
    return All.INSTANCE;
  }

  /** Matches series whose tag {@code key} equals {@code value}; {@code ""} matches series without the key. */
  static TagPredicate eq(String key, String value) {
    return new Eq(key, value);
  }

  /**
   * Matches series whose tag {@code key} equals one of {@code values}, with the same {@code ""}
   * rule as {@link #eq}.
   *
   * @throws IllegalArgumentException when {@code values} is empty
   */
  static TagPredicate in(String key, Collection<String> values) {
    return new In(key, List.copyOf(values));
  }

  /** Matches series that carry tag {@code key} with a value starting with {@code prefix} (SQL {@code LIKE 'abc%'}). */
  static TagPredicate prefix(String key, String prefix) {
    return new Prefix(key, prefix);
  }

  /** Matches the series that {@code p} does not match. */
  static TagPredicate not(TagPredicate p) {
    return new Not(p);
  }

  /**
   * Matches series that every one of {@code ps} matches.
   *
   * @throws IllegalArgumentException when {@code ps} is empty
   */
  static TagPredicate and(TagPredicate... ps) {
    return new And(List.of(ps));
  }

  /**
   * Matches series that at least one of {@code ps} matches.
   *
   * @throws IllegalArgumentException when {@code ps} is empty
   */
  static TagPredicate or(TagPredicate... ps) {
    return new Or(List.of(ps));
  }

  /** Matches series that carry tag {@code key}, whatever its value. */
  static TagPredicate hasKey(String key) {
    return new HasKey(key);
  }

  /** Every series; renders as {@code TRUE}. */
  record All() implements TagPredicate {
    private static final All INSTANCE = new All();

    @Override
    public String toString() {
      return "TRUE";
    }
  }

  /** Tag {@code key} equals {@code value}; {@code value} {@code ""} means the key is absent. */
  record Eq(String key, String value) implements TagPredicate {
    public Eq {
      requireKey(key);
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
      return identifier(key) + " = " + literal(value);
    }
  }

  /** Tag {@code key} equals one of {@code values}; {@code ""} among them means the key is absent. */
  record In(String key, List<String> values) implements TagPredicate {
    public In {
      requireKey(key);
      values = List.copyOf(values);
      if (values.isEmpty()) {
        throw new IllegalArgumentException("IN needs at least one value");
      }
    }

    @Override
    public String toString() {
      return identifier(key) + " IN (" + values.stream().map(TagPredicate::literal).collect(Collectors.joining(", ")) + ")";
    }
  }

  /** Tag {@code key} is present and its value starts with {@code prefix}. */
  record Prefix(String key, String prefix) implements TagPredicate {
    public Prefix {
      requireKey(key);
      Objects.requireNonNull(prefix, "prefix");
    }

    @Override
    public String toString() {
      String pattern = prefix.replaceAll("([\\\\%_])", "\\\\$1");
      String escapeClause = pattern.equals(prefix) ? "" : " ESCAPE '\\'";
      return identifier(key) + " LIKE " + literal(pattern + "%") + escapeClause;
    }
  }

  /** The complement of {@code child} within all series of the index. */
  record Not(TagPredicate child) implements TagPredicate {
    public Not {
      Objects.requireNonNull(child, "child");
    }

    @Override
    public String toString() {
      // And/Or already print their own parentheses.
      boolean parenthesised = child instanceof And || child instanceof Or;
      return parenthesised ? "NOT " + child : "NOT (" + child + ")";
    }
  }

  /** The intersection of {@code children}. */
  record And(List<TagPredicate> children) implements TagPredicate {
    public And {
      children = requireChildren(children, "AND");
    }

    @Override
    public String toString() {
      return join(children, " AND ");
    }
  }

  /** The union of {@code children}. */
  record Or(List<TagPredicate> children) implements TagPredicate {
    public Or {
      children = requireChildren(children, "OR");
    }

    @Override
    public String toString() {
      return join(children, " OR ");
    }
  }

  /** Tag {@code key} is present. */
  record HasKey(String key) implements TagPredicate {
    public HasKey {
      requireKey(key);
    }

    @Override
    public String toString() {
      return identifier(key) + " IS NOT NULL";
    }
  }

  private static void requireKey(String key) {
    if (Objects.requireNonNull(key, "key").isEmpty()) {
      throw new IllegalArgumentException("tag key must not be empty");
    }
  }

  private static List<TagPredicate> requireChildren(List<TagPredicate> children, String operator) {
    List<TagPredicate> copy = List.copyOf(children);
    if (copy.isEmpty()) {
      throw new IllegalArgumentException(operator + " needs at least one operand");
    }
    return copy;
  }

  private static String join(List<TagPredicate> children, String operator) {
    return children.stream().map(Object::toString).collect(Collectors.joining(operator, "(", ")"));
  }

  /** Tag keys print bare when they are plain SQL identifiers, double-quoted otherwise. */
  private static String identifier(String key) {
    boolean plain = key.matches("[A-Za-z_][A-Za-z0-9_]*");
    return plain ? key : '"' + key.replace("\"", "\"\"") + '"';
  }

  private static String literal(String value) {
    return '\'' + value.replace("'", "''") + '\'';
  }
}
