package io.edgetimedb.sql.predicate;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.index.TagPredicate;
import io.edgetimedb.sql.EdgeSchemas;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.calcite.DataContext;
import org.apache.calcite.runtime.SqlFunctions;

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

  /**
   * {@code key LIKE pattern} for any pattern, also one known only at execution. A pattern
   * {@code 'abc%'} is a prefix look-up in the tag index and one without wildcards an equality;
   * any other is matched, with Calcite's own LIKE, against the key's values in the measurement,
   * which the index then looks up: exact in every case, so nothing is checked again above the
   * scan and a LIMIT can still be pushed into it. A NULL pattern matches nothing.
   */
  record Like(String measurement, String key, Operand pattern) implements TagFilter {
    @Override
    public TagPredicate resolve(DataContext root) {
      Object v = pattern.value(root);
      if (v == null) {
        return nothing();
      }
      String p = v.toString();
      String fixed = p.substring(0, firstWildcard(p));
      if (fixed.length() == p.length()) {
        return fixed.isEmpty() ? nothing() : TagPredicate.eq(key, fixed);
      }
      if (fixed.length() == p.length() - 1 && p.endsWith("%")) {
        return TagPredicate.prefix(key, fixed);
      }
      SqlFunctions.LikeFunction like = new SqlFunctions.LikeFunction();
      List<String> matching = new ArrayList<>();
      for (String value : database(root).tagValues(measurement, key)) {
        if (value.startsWith(fixed) && like.like(value, p)) {
          matching.add(value);
        }
      }
      return matching.isEmpty() ? nothing() : TagPredicate.in(key, matching);
    }

    private static int firstWildcard(String pattern) {
      for (int i = 0; i < pattern.length(); i++) {
        if (pattern.charAt(i) == '%' || pattern.charAt(i) == '_') {
          return i;
        }
      }
      return pattern.length();
    }

    /** The database of the running connection, whose tag values the pattern is matched against. */
    private static Database database(DataContext root) {
      Database db = EdgeSchemas.database(root.getRootSchema());
      if (db == null) {
        throw new IllegalStateException("no EdgeTimeDB database in the schema of this statement");
      }
      return db;
    }

    @Override
    public String toString() {
      return quote(key) + " LIKE " + pattern;
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
