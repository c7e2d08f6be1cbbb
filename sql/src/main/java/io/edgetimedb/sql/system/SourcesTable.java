package io.edgetimedb.sql.system;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.sources.SourceStatus;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * {@code sys.sources}: one row per source that wrote since the database opened (up to {@code
 * ingest.tracked-sources}), least recently seen first: its counts and clock offset, so sensors
 * whose clocks drift show up. See docs/clocks.md.
 */
final class SourcesTable extends SystemTable {
  SourcesTable(Database db) {
    super(db);
    column("source", SqlTypeName.VARCHAR);
    column("protocol", SqlTypeName.VARCHAR);
    column("address", SqlTypeName.VARCHAR);
    column("first_seen", SqlTypeName.TIMESTAMP);
    column("last_seen", SqlTypeName.TIMESTAMP);
    column("points_accepted", SqlTypeName.BIGINT);
    column("points_rejected_future", SqlTypeName.BIGINT);
    column("points_rejected_past", SqlTypeName.BIGINT);
    column("points_rejected_other", SqlTypeName.BIGINT);
    column("points_rejected_limit", SqlTypeName.BIGINT);
    column("points_clamped", SqlTypeName.BIGINT);
    column("points_stamped", SqlTypeName.BIGINT);
    column("clock_offset_ms", SqlTypeName.BIGINT);
  }

  @Override
  protected List<Object[]> rows() {
    List<Object[]> rows = new ArrayList<>();
    for (SourceStatus s : db.sources()) {
      rows.add(new Object[] {s.source(), s.protocol(), s.address(), s.firstSeenMillis(), s.lastSeenMillis(),
          s.pointsAccepted(), s.pointsRejectedFuture(), s.pointsRejectedPast(), s.pointsRejectedOther(),
          s.pointsRejectedLimit(), s.pointsClamped(), s.pointsStamped(), s.clockOffsetMillis()});
    }
    return rows;
  }
}
