package io.edgetimedb.sql.parse;

import io.edgetimedb.grammar.ast.EdgeStatement;
import io.edgetimedb.grammar.ast.ShowConfig;
import io.edgetimedb.grammar.ast.ShowFields;
import io.edgetimedb.grammar.ast.ShowMeasurements;
import io.edgetimedb.grammar.ast.ShowSeries;
import io.edgetimedb.grammar.ast.ShowTagKeys;
import io.edgetimedb.grammar.ast.ShowTagValues;
import io.edgetimedb.grammar.ast.TagCondition;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * SHOW statements as SQL queries over the {@code sys} tables, so they return ordinary result
 * sets through every path (embedded, Avatica, prepared) with no execution code of their own.
 * Names from the statement are mapped to stored names like unquoted SQL identifiers.
 */
final class ShowQueries {
  private final UnaryOperator<String> storedName;

  ShowQueries(UnaryOperator<String> storedName) {
    this.storedName = storedName;
  }

  /** The query for a SHOW statement, or empty for statements that are not SHOW. */
  Optional<String> sql(EdgeStatement statement) {
    if (statement instanceof ShowMeasurements s) {
      return Optional.of("SELECT \"measurement\" FROM \"sys\".\"measurements\""
          + s.likePattern().map(p -> " WHERE \"measurement\" LIKE " + literal(p)).orElse("") + " ORDER BY 1");
    }
    if (statement instanceof ShowTagKeys s) {
      return Optional.of("SELECT \"measurement\", \"tag_key\" FROM \"sys\".\"tag_keys\"" + where(s.measurement())
          + " ORDER BY 1, 2");
    }
    if (statement instanceof ShowFields s) {
      return Optional.of("SELECT \"measurement\", \"field\", \"type\" FROM \"sys\".\"fields\""
          + where(s.measurement()) + " ORDER BY 1, 2");
    }
    if (statement instanceof ShowTagValues s) {
      return Optional.of(tagValues(s));
    }
    if (statement instanceof ShowSeries s) {
      return Optional.of(series(s));
    }
    if (statement instanceof ShowConfig s) {
      return Optional.of("SELECT \"name\", \"value\", \"default_value\" AS \"default\", \"unit\", \"mutable\", "
          + "\"description\" FROM \"sys\".\"config\""
          + s.likePattern().map(p -> " WHERE \"name\" LIKE " + literal(p)).orElse("") + " ORDER BY 1");
    }
    return Optional.empty();
  }

  private String tagValues(ShowTagValues s) {
    String keys = s.keys().stream().map(k -> literal(storedName.apply(k))).collect(Collectors.joining(", "));
    List<String> conditions = new ArrayList<>();
    s.measurement().ifPresent(m -> conditions.add("\"measurement\" = " + literal(storedName.apply(m))));
    conditions.add("\"tag_key\" IN (" + keys + ")");
    return "SELECT \"measurement\", \"tag_key\", \"tag_value\" FROM \"sys\".\"tag_values\" WHERE "
        + String.join(" AND ", conditions) + " ORDER BY 1, 2, 3";
  }

  private String series(ShowSeries s) {
    List<String> conditions = new ArrayList<>();
    s.measurement().ifPresent(m -> conditions.add("\"measurement\" = " + literal(storedName.apply(m))));
    s.where().ifPresent(c -> conditions.add(condition(c)));
    String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    return "SELECT \"measurement\", \"series_key\" FROM \"sys\".\"series\" AS \"s\"" + where + " ORDER BY 1, 2";
  }

  private String where(Optional<String> measurement) {
    return measurement.map(m -> " WHERE \"measurement\" = " + literal(storedName.apply(m))).orElse("");
  }

  /** A tag condition on a series of {@code sys.series}, its tags looked up in {@code sys.series_tags}. */
  private String condition(TagCondition c) {
    if (c instanceof TagCondition.Equals e) {
      return tag(e.key()) + " = " + literal(e.value());
    }
    if (c instanceof TagCondition.NotEquals e) {
      return tag(e.key()) + " <> " + literal(e.value());
    }
    if (c instanceof TagCondition.In in) {
      return tag(in.key()) + (in.negated() ? " NOT IN (" : " IN (")
          + in.values().stream().map(ShowQueries::literal).collect(Collectors.joining(", ")) + ")";
    }
    if (c instanceof TagCondition.Like like) {
      return tag(like.key()) + " LIKE " + literal(like.pattern());
    }
    if (c instanceof TagCondition.And and) {
      return "(" + condition(and.left()) + " AND " + condition(and.right()) + ")";
    }
    if (c instanceof TagCondition.Or or) {
      return "(" + condition(or.left()) + " OR " + condition(or.right()) + ")";
    }
    return "NOT (" + condition(((TagCondition.Not) c).operand()) + ")";
  }

  /** The series' value of a tag, null when it has none (so {@code <>} and NOT IN skip it, as a MAP lookup did). */
  private String tag(String key) {
    return "(SELECT \"t\".\"tag_value\" FROM \"sys\".\"series_tags\" AS \"t\" WHERE \"t\".\"series_id\" = \"s\".\"series_id\""
        + " AND \"t\".\"tag_key\" = " + literal(storedName.apply(key)) + ")";
  }

  private static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
