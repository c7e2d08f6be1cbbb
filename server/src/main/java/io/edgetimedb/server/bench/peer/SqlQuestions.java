package io.edgetimedb.server.bench.peer;

import io.edgetimedb.server.bench.BenchQuery;
import io.edgetimedb.server.bench.QueryArguments;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The five {@link BenchQuery} questions asked of a peer through JDBC, each a statement prepared
 * once on the peer's query connection. Every peer words them in its own SQL, but with the same
 * parameters and the same columns, so their answers compare row for row:
 *
 * <pre>
 *   question                      parameters (in this order)      columns
 *   LAST_FIVE_MINUTES             sensor, to - 5 min, to          ts, value              (ts order)
 *   ONE_HOUR_RANGE                sensor, from, from + 1 h        ts, value              (ts order)
 *   MINUTE_BUCKETS_OVER_ONE_HOUR  sensor, from, from + 1 h        minute, avg, min, max  (minute order)
 *   LATEST_OF_EVERY_SENSOR        (none)                          sensor, ts, value
 *   TAG_FILTER                    site, line, from, from + 1 h    sensor, ts, value
 * </pre>
 *
 * Time ranges are half-open, {@code [start, end)}, as EdgeTimeDB's reads are; minutes are whole
 * UTC minutes named by their start. Every column of every row is read, as a client would.
 */
final class SqlQuestions implements AutoCloseable {
  private static final long FIVE_MINUTES = 5 * 60_000L;
  private static final long ONE_HOUR = 60 * 60_000L;

  /** What a column of an answer holds, read into a row as Long (epoch ms), Double or String. */
  private enum Column { TIME, NUMBER, TEXT }

  private static final Map<BenchQuery, Column[]> COLUMNS = new EnumMap<>(Map.of(
      BenchQuery.LAST_FIVE_MINUTES, new Column[] {Column.TIME, Column.NUMBER},
      BenchQuery.ONE_HOUR_RANGE, new Column[] {Column.TIME, Column.NUMBER},
      BenchQuery.MINUTE_BUCKETS_OVER_ONE_HOUR, new Column[] {Column.TIME, Column.NUMBER, Column.NUMBER, Column.NUMBER},
      BenchQuery.LATEST_OF_EVERY_SENSOR, new Column[] {Column.TEXT, Column.TIME, Column.NUMBER},
      BenchQuery.TAG_FILTER, new Column[] {Column.TEXT, Column.TIME, Column.NUMBER}));

  private final Connection connection;
  private final TimeColumn time;
  private final Map<BenchQuery, PreparedStatement> statements = new EnumMap<>(BenchQuery.class);

  /** Prepares every question; {@code sql} holds one statement per {@link BenchQuery}. */
  SqlQuestions(Connection connection, TimeColumn time, Map<BenchQuery, String> sql) throws SQLException {
    this.connection = connection;
    this.time = time;
    for (BenchQuery query : BenchQuery.values()) {
      String text = sql.get(query);
      if (text == null) {
        throw new IllegalArgumentException("no SQL for " + query);
      }
      statements.put(query, connection.prepareStatement(text));
    }
  }

  /** Asks one question, hands each row to {@code rows} (the array is reused) and returns how many came. */
  synchronized int ask(BenchQuery query, QueryArguments arguments, Consumer<Object[]> rows) throws SQLException {
    PreparedStatement statement = statements.get(query);
    bind(statement, query, arguments);
    Column[] columns = COLUMNS.get(query);
    Object[] row = new Object[columns.length];
    int count = 0;
    try (ResultSet result = statement.executeQuery()) {
      while (result.next()) {
        for (int c = 0; c < columns.length; c++) {
          row[c] = read(result, c + 1, columns[c]);
        }
        rows.accept(row);
        count++;
      }
    }
    return count;
  }

  /** Rows in the tables of the plant feed, summed: what is visible to queries now. */
  synchronized long points() throws SQLException {
    long points = 0;
    try (Statement statement = connection.createStatement()) {
      for (PlantTable table : PlantTable.ALL) {
        try (ResultSet result = statement.executeQuery("SELECT count(*) FROM " + table.measurement())) {
          result.next();
          points += result.getLong(1);
        }
      }
    }
    return points;
  }

  /** Polls {@link #points()} until at least {@code points} are visible or the timeout passes. */
  long awaitPoints(long points, long timeoutMillis) throws SQLException, InterruptedException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    long visible = points();
    while (visible < points && System.nanoTime() < deadline) {
      Thread.sleep(20);
      visible = points();
    }
    return visible;
  }

  private void bind(PreparedStatement statement, BenchQuery query, QueryArguments a) throws SQLException {
    switch (query) {
      case LAST_FIVE_MINUTES -> bindSensorRange(statement, a.sensor(), a.toMillis() - FIVE_MINUTES, a.toMillis());
      case ONE_HOUR_RANGE, MINUTE_BUCKETS_OVER_ONE_HOUR ->
          bindSensorRange(statement, a.sensor(), a.fromMillis(), a.fromMillis() + ONE_HOUR);
      case LATEST_OF_EVERY_SENSOR -> { }
      case TAG_FILTER -> {
        statement.setString(1, a.site());
        statement.setString(2, a.line());
        time.bind(statement, 3, a.fromMillis());
        time.bind(statement, 4, a.fromMillis() + ONE_HOUR);
      }
    }
  }

  private void bindSensorRange(PreparedStatement statement, String sensor, long from, long to) throws SQLException {
    statement.setString(1, sensor);
    time.bind(statement, 2, from);
    time.bind(statement, 3, to);
  }

  private Object read(ResultSet result, int column, Column kind) throws SQLException {
    return switch (kind) {
      case TIME -> time.read(result, column);
      case NUMBER -> result.getDouble(column);
      case TEXT -> result.getString(column);
    };
  }

  @Override
  public void close() throws SQLException {
    for (PreparedStatement statement : statements.values()) {
      statement.close();
    }
  }
}
