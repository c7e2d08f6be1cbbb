package io.edgetimedb.server.bench.peer;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * How a peer's {@code ts} column holds time, and so how a time is bound to a query parameter and
 * read back from a row. The benchmark's times are epoch milliseconds in UTC.
 */
enum TimeColumn {
  /** An integer of milliseconds since the epoch: SQLite, which has no time type. */
  EPOCH_MILLIS {
    @Override
    void bind(PreparedStatement statement, int parameter, long millis) throws SQLException {
      statement.setLong(parameter, millis);
    }

    @Override
    long read(ResultSet row, int column) throws SQLException {
      return row.getLong(column);
    }
  },
  /**
   * A TIMESTAMP without time zone, holding UTC (QuestDB, DuckDB): bound as microseconds since the
   * epoch, which the peer's SQL turns into a timestamp, so no time zone of the JVM or the driver
   * takes part; read back as a {@link LocalDateTime}.
   */
  TIMESTAMP {
    @Override
    void bind(PreparedStatement statement, int parameter, long millis) throws SQLException {
      statement.setLong(parameter, Math.multiplyExact(millis, 1_000L));
    }

    @Override
    long read(ResultSet row, int column) throws SQLException {
      return row.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC).toEpochMilli();
    }
  };

  abstract void bind(PreparedStatement statement, int parameter, long millis) throws SQLException;

  abstract long read(ResultSet row, int column) throws SQLException;
}
