package io.edgetimedb.sql.system;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.SeriesInfo;
import io.edgetimedb.engine.index.TagPredicate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code sys.series}: every series with its id, its key in line-protocol form
 * ({@code boiler,site=A,type=t}) and its tags as a MAP, so {@code tags['site']} works in SQL.
 */
final class SeriesTable extends SystemTable {
  SeriesTable(Database db) {
    super(db);
    column("measurement", SqlTypeName.VARCHAR);
    column("series_id", SqlTypeName.BIGINT);
    column("series_key", SqlTypeName.VARCHAR);
    column("tags", SqlTypeName.MAP);
  }

  @Override
  protected List<Object[]> rows() {
    List<Object[]> rows = new ArrayList<>();
    for (String measurement : db.measurements()) {
      for (SeriesInfo s : db.series(measurement, TagPredicate.all())) {
        rows.add(new Object[] {measurement, (long) s.id(), key(s), Map.copyOf(s.tags())});
      }
    }
    return rows;
  }

  private static String key(SeriesInfo s) {
    StringBuilder key = new StringBuilder(s.measurement());
    s.tags().forEach((k, v) -> key.append(',').append(k).append('=').append(v));
    return key.toString();
  }
}
