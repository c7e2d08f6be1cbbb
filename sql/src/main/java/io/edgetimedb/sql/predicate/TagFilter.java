package io.edgetimedb.sql.predicate;

import io.edgetimedb.engine.index.TagPredicate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.calcite.DataContext;

/**
 * The tag part of a pushed filter, with SQL semantics, as a template that becomes an engine
 * {@link TagPredicate} at execution once parameter values are known.
 *
 * <p>SQL and the engine disagree about missing tags: in SQL a series without tag {@code site}
 * has {@code site IS NULL}, which never equals anything and is never unequal either; the engine
 * treats it as {@code site = ''}. The translation keeps SQL's meaning: negations only ever
 * cover series that carry the key, and a comparison with {@code ''} (which no stored tag value
 * can be) or NULL matches nothing.
 */
public sealed interface TagFilter {

  /** The engine predicate with parameter values filled in. */
  TagPredicate resolve(DataContext root);

  /** Matches no series. */
  static TagPredicate nothing() {
    return TagPredicate.not(TagPredicate.all());
  }

  /** {@code key = value}. */
  record Eq(String key, Operand value) implements TagFilter {
    @Override
    public TagPredicate resolve(DataContext root) {
      Object v = value.value(root);
      return v == null || v.toString().isEmpty() ? nothing() : TagPredicate.eq(key, v.toString());
    }

    @Override
    public String toString() {
      return quote(key) + " = " + value;
    }
  }

  /** {@code key IN (values)}. */
  record In(String key, List<Operand> values) implements TagFilter {
    public In {
      values = List.copyOf(values);
    }

    @Override
    public TagPredicate resolve(DataContext root) {
      List<String> present = new ArrayList<>();
      for (Operand o : values) {
        Object v = o.value(root);
        if (v != null && !v.toString().isEmpty()) {
          present.add(v.toString());
        }
      }
      return present.isEmpty() ? nothing() : TagPredicate.in(key, present);
    }

    @Override
    public String toString() {
      return quote(key) + " IN (" + values.stream().map(Object::toString).collect(Collectors.joining(", ")) + ")";
    }
  }

  /** {@code key LIKE 'prefix%'}. */
  record Prefix(String key, String prefix) implements TagFilter {
    @Override
    public TagPredicate resolve(DataContext root) {
      return TagPredicate.prefix(key, prefix);
    }

    @Override
    public String toString() {
      return quote(key) + " LIKE '" + prefix.replace("'", "''") + "%'";
    }
  }

  /** {@code key IS NOT NULL}: the series carries the key. */
  record Present(String key) implements TagFilter {
    @Override
    public TagPredicate resolve(DataContext root) {
      return TagPredicate.hasKey(key);
    }

    @Override
    public String toString() {
      return quote(key) + " IS NOT NULL";
    }
  }

  /** The complement of the child within all series. */
  record Not(TagFilter child) implements TagFilter {
    @Override
    public TagPredicate resolve(DataContext root) {
      return TagPredicate.not(child.resolve(root));
    }

    @Override
    public String toString() {
      return "NOT (" + child + ")";
    }
  }

  /** Every child matches. */
  record And(List<TagFilter> children) implements TagFilter {
    public And {
      children = List.copyOf(children);
    }

    @Override
    public TagPredicate resolve(DataContext root) {
      return TagPredicate.and(children.stream().map(c -> c.resolve(root)).toArray(TagPredicate[]::new));
    }

    @Override
    public String toString() {
      return children.stream().map(Object::toString).collect(Collectors.joining(" AND ", "(", ")"));
    }
  }

  /** At least one child matches. */
  record Or(List<TagFilter> children) implements TagFilter {
    public Or {
      children = List.copyOf(children);
    }

    @Override
    public TagPredicate resolve(DataContext root) {
      return TagPredicate.or(children.stream().map(c -> c.resolve(root)).toArray(TagPredicate[]::new));
    }

    @Override
    public String toString() {
      return children.stream().map(Object::toString).collect(Collectors.joining(" OR ", "(", ")"));
    }
  }

  private static String quote(String key) {
    return key.matches("[a-z_][a-z0-9_]*") ? key : '"' + key.replace("\"", "\"\"") + '"';
  }
}
