package io.edgetimedb.server.bench.edgetimedb;

import io.edgetimedb.server.bench.BenchQuery;
import io.edgetimedb.server.bench.QueryArguments;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.EnumMap;
import java.util.Map;

/**
 * The five questions in EdgeTimeDB's SQL, each prepared once on one connection (embedded or remote),
 * so every execution is a PreparedStatement with new parameters, as an application asks. Each
 * answer is read to its last row and column, as a client would. One instance per thread.
 */
final class EdgeSql implements AutoCloseable {
  private static final long HOUR = 3_600_000L;
  private static final long FIVE_MINUTES = 300_000L;
  /** Rows per fetch: a 1-hour range (3,600 rows) comes back in one remote round trip. */
  private static final int FETCH_SIZE = 4_000;

  private static final Map<BenchQuery, String> SQL = Map.of(
      BenchQuery.LAST_FIVE_MINUTES,
      "SELECT ts, \"value\" FROM temperature WHERE sensor = ? AND ts >= ? AND ts < ?",
      BenchQuery.ONE_HOUR_RANGE,
      "SELECT ts, \"value\" FROM temperature WHERE sensor = ? AND ts >= ? AND ts < ?",
      BenchQuery.MINUTE_BUCKETS_OVER_ONE_HOUR,
      "SELECT time_bucket(INTERVAL '1' MINUTE, ts) AS minute, avg(\"value\"), min(\"value\"), max(\"value\")"
          + " FROM temperature WHERE sensor = ? AND ts >= ? AND ts < ? GROUP BY time_bucket(INTERVAL '1' MINUTE, ts)",
      BenchQuery.LATEST_OF_EVERY_SENSOR,
      "SELECT sensor, last(\"value\", ts) FROM temperature GROUP BY sensor",
      BenchQuery.TAG_FILTER,
      "SELECT ts, sensor, \"value\" FROM temperature WHERE site = ? AND line = ? AND ts >= ? AND ts < ?");

  private final Connection connection;
  private final Map<BenchQuery, PreparedStatement> statements = new EnumMap<>(BenchQuery.class);

  EdgeSql(Connection connection) {
    this.connection = connection;
  }

  /** Asks one question and returns the rows of the answer; the first time also prepares it (the table exists by then). */
  int ask(BenchQuery query, QueryArguments a) throws SQLException {
    PreparedStatement ps = statements.get(query);
    if (ps == null) {
      ps = connection.prepareStatement(SQL.get(query));
      ps.setFetchSize(FETCH_SIZE);
      statements.put(query, ps);
    }
    switch (query) {
      case LAST_FIVE_MINUTES -> bind(ps, a.sensor(), a.toMillis() - FIVE_MINUTES, a.toMillis());
      case ONE_HOUR_RANGE, MINUTE_BUCKETS_OVER_ONE_HOUR -> bind(ps, a.sensor(), a.fromMillis(), a.fromMillis() + HOUR);
      case LATEST_OF_EVERY_SENSOR -> { }
      case TAG_FILTER -> {
        ps.setString(1, a.site());
        bind(ps, a.line(), a.fromMillis(), a.fromMillis() + HOUR, 2);
      }
    }
    return readAll(ps.executeQuery());
  }

  private static void bind(PreparedStatement ps, String tag, long from, long to) throws SQLException {
    bind(ps, tag, from, to, 1);
  }

  private static void bind(PreparedStatement ps, String tag, long from, long to, int first) throws SQLException {
    ps.setString(first, tag);
    ps.setTimestamp(first + 1, new Timestamp(from));
    ps.setTimestamp(first + 2, new Timestamp(to));
  }

  private static int readAll(ResultSet rs) throws SQLException {
    int rows = 0;
    try (rs) {
      int columns = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        for (int c = 1; c <= columns; c++) {
          rs.getObject(c);
        }
        rows++;
      }
    }
    return rows;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
