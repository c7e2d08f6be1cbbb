package io.edgetimedb.sql.system;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.memory.MeasurementMemory;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code sys.storage}: one row per measurement with its series, points and the bytes its raw
 * data holds in memory (heads plus chunks). An external contract: benchmarks read these columns.
 */
final class StorageTable extends SystemTable {
  StorageTable(Database db) {
    super(db);
    column("measurement", SqlTypeName.VARCHAR);
    column("series", SqlTypeName.BIGINT);
    column("points", SqlTypeName.BIGINT);
    column("bytes", SqlTypeName.BIGINT);
    column("head_bytes", SqlTypeName.BIGINT);
    column("chunk_bytes", SqlTypeName.BIGINT);
    column("index_bytes", SqlTypeName.BIGINT);
  }

  @Override
  protected List<Object[]> rows() {
    List<Object[]> rows = new ArrayList<>();
    for (MeasurementMemory m : db.memoryUsage().measurements()) {
      rows.add(new Object[] {m.measurement(), (long) m.series(), m.points(), m.dataBytes(), m.heads(), m.chunks(),
          m.index()});
    }
    return rows;
  }
}
