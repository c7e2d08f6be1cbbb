package io.edgetimedb.sql.system;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.SeriesInfo;
import io.edgetimedb.engine.index.TagPredicate;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code sys.series}: every series with its id, its key in line-protocol form
 * ({@code boiler,site=A,type=t}) and its tags in the same form ({@code site=A,type=t}), keys
 * sorted, {@code \} before a comma, equals sign, space or backslash of a name. Tags are text, not
 * a MAP, because a remote client cannot receive a MAP (Avatica's frames have no such type);
 * {@code sys.series_tags} has them one per row for conditions on a tag.
 */
final class SeriesTable extends SystemTable {
  SeriesTable(Database db) {
    super(db);
    column("measurement", SqlTypeName.VARCHAR);
    column("series_id", SqlTypeName.BIGINT);
    column("series_key", SqlTypeName.VARCHAR);
    column("tags", SqlTypeName.VARCHAR);
  }

  @Override
  protected List<Object[]> rows() {
    List<Object[]> rows = new ArrayList<>();
    for (String measurement : db.measurements()) {
      for (SeriesInfo s : db.series(measurement, TagPredicate.all())) {
        String tags = tags(s);
        String key = escaped(measurement, false) + (tags.isEmpty() ? "" : "," + tags);
        rows.add(new Object[] {measurement, (long) s.id(), key, tags});
      }
    }
    return rows;
  }

  private static String tags(SeriesInfo s) {
    StringBuilder tags = new StringBuilder();
    s.tags().forEach((k, v) -> tags.append(tags.isEmpty() ? "" : ",").append(escaped(k, true)).append('=')
        .append(escaped(v, true)));
    return tags.toString();
  }

  /** Line protocol's escapes: a measurement's comma and space, a tag's also its equals sign. */
  private static String escaped(String name, boolean tag) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == ',' || c == ' ' || c == '\\' || (tag && c == '=')) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }
}
