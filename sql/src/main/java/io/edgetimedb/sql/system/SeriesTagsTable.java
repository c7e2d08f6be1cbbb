package io.edgetimedb.sql.system;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.SeriesInfo;
import io.edgetimedb.engine.index.TagPredicate;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;

/** {@code sys.series_tags}: one row per tag of every series, for conditions on a series' tags. */
final class SeriesTagsTable extends SystemTable {
  SeriesTagsTable(Database db) {
    super(db);
    column("measurement", SqlTypeName.VARCHAR);
    column("series_id", SqlTypeName.BIGINT);
    column("tag_key", SqlTypeName.VARCHAR);
    column("tag_value", SqlTypeName.VARCHAR);
  }

  @Override
  protected List<Object[]> rows() {
    List<Object[]> rows = new ArrayList<>();
    for (String measurement : db.measurements()) {
      for (SeriesInfo s : db.series(measurement, TagPredicate.all())) {
        s.tags().forEach((key, value) -> rows.add(new Object[] {measurement, (long) s.id(), key, value}));
      }
    }
    return rows;
  }
}
