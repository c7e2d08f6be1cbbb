package io.edgetimedb.server.bench.peer;

import io.edgetimedb.engine.schema.FieldType;
import io.edgetimedb.engine.write.PointBatch;
import io.edgetimedb.server.bench.BenchQuery;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * DuckDB (through org.duckdb:duckdb_jdbc) holding the plant feed in one database file, one table
 * per measurement:
 *
 * <pre>
 *   CREATE TABLE temperature (ts TIMESTAMP NOT NULL, site VARCHAR NOT NULL, line VARCHAR NOT NULL,
 *       sensor VARCHAR NOT NULL, value DOUBLE)
 * </pre>
 *
 * No index is created: DuckDB keeps a min-max index (zonemap) of every column of every row group
 * by itself, and the feed arrives in time order, so time ranges skip whole row groups. DuckDB's
 * documentation keeps ART indexes for constraints and point lookups of under 0.1% of the rows,
 * and they slow loading; a careful DuckDB user would not add one for these questions. Duplicate
 * points are kept (there is no key to replace by).
 *
 * <p>Each batch is one transaction ({@code BEGIN}, one {@link DuckDbAppender} per table flushed
 * into it, {@code COMMIT}). Durability: DuckDB's defaults, which append each commit to the WAL
 * file and fsync it before the commit returns, and checkpoint into the database file every
 * 16 MiB of WAL.
 */
final class DuckDbTarget implements SqlTarget {
  private static final String FILE = "plant.duckdb";

  private final PeerDirectory directory;
  private final Connection writer;
  private final Connection reader;
  private final Statement transactions;
  private final List<DuckDbAppender> appenders = new ArrayList<>();
  private final SqlQuestions questions;

  private DuckDbTarget(PeerDirectory directory, Connection writer, Connection reader) throws SQLException {
    this.directory = directory;
    this.writer = writer;
    this.reader = reader;
    this.transactions = writer.createStatement();
    for (PlantTable table : PlantTable.ALL) {
      transactions.execute("CREATE TABLE " + table.measurement() + " (ts TIMESTAMP NOT NULL, site VARCHAR NOT NULL,"
          + " line VARCHAR NOT NULL, sensor VARCHAR NOT NULL, " + table.field() + " " + sqlType(table.type()) + ")");
    }
    this.questions = new SqlQuestions(reader, TimeColumn.TIMESTAMP, questionSql());
  }

  /** Creates the database in {@code directory}: a writing and a reading connection and the tables. */
  static DuckDbTarget open(PeerDirectory directory, ForeignDriver driver) throws SQLException {
    return driver.openWriterAndReader("jdbc:duckdb:" + directory.path().resolve(FILE),
        (writer, reader) -> new DuckDbTarget(directory, writer, reader));
  }

  private static String sqlType(FieldType type) {
    return switch (type) {
      case DOUBLE -> "DOUBLE";
      case BIGINT -> "BIGINT";
      case BOOLEAN -> "BOOLEAN";
      case VARCHAR -> "VARCHAR";
      case VARBINARY -> "BLOB";
    };
  }

  /** Times are bound as epoch microseconds ({@link TimeColumn#TIMESTAMP}), which make_timestamp turns into a TIMESTAMP. */
  private static Map<BenchQuery, String> questionSql() {
    String range = "ts >= make_timestamp(?::BIGINT) AND ts < make_timestamp(?::BIGINT)";
    return Map.of(
        BenchQuery.LAST_FIVE_MINUTES, "SELECT ts, value FROM temperature WHERE sensor = ? AND " + range + " ORDER BY ts",
        BenchQuery.ONE_HOUR_RANGE, "SELECT ts, value FROM temperature WHERE sensor = ? AND " + range + " ORDER BY ts",
        BenchQuery.MINUTE_BUCKETS_OVER_ONE_HOUR,
        "SELECT time_bucket(INTERVAL 1 MINUTE, ts) AS minute, avg(value), min(value), max(value) FROM temperature"
            + " WHERE sensor = ? AND " + range + " GROUP BY minute ORDER BY minute",
        BenchQuery.LATEST_OF_EVERY_SENSOR,
        "SELECT sensor, max(ts), arg_max(value, ts) FROM temperature GROUP BY sensor",
        BenchQuery.TAG_FILTER, "SELECT sensor, ts, value FROM temperature WHERE site = ? AND line = ? AND " + range);
  }

  @Override
  public String name() {
    return "duckdb/appender";
  }

  @Override
  public String lineProtocolAddress() {
    return null;
  }

  /**
   * An appender belongs to the thread that uses it first (DuckDB refuses appends from any other),
   * so they are made by the ingest thread on its first write, not by the thread that opened the target.
   */
  private void createAppendersOnce() throws SQLException {
    if (appenders.isEmpty()) {
      for (PlantTable table : PlantTable.ALL) {
        appenders.add(DuckDbAppender.create(writer, table.measurement()));
      }
    }
  }

  @Override
  public void write(PointBatch batch) throws SQLException {
    createAppendersOnce();
    boolean[] used = new boolean[appenders.size()];
    transactions.execute("BEGIN TRANSACTION");
    try {
      PlantPoints points = new PlantPoints(batch);
      while (points.next()) {
        append(appenders.get(points.tableIndex()), points);
        used[points.tableIndex()] = true;
      }
      for (int t = 0; t < used.length; t++) {
        if (used[t]) {
          appenders.get(t).flush();
        }
      }
      transactions.execute("COMMIT");
    } catch (SQLException | RuntimeException e) {
      transactions.execute("ROLLBACK");
      throw e;
    }
  }

  private static void append(DuckDbAppender appender, PlantPoints point) throws SQLException {
    appender.beginRow();
    appender.appendEpochMicros(Math.multiplyExact(point.timestamp(), 1_000L));
    for (int i = 0; i < PlantTable.TAGS.size(); i++) {
      appender.append(point.tag(i));
    }
    switch (point.type()) {
      case DOUBLE -> appender.append(point.doubleValue());
      case BIGINT -> appender.append(point.longValue());
      case BOOLEAN -> appender.append(point.booleanValue());
      case VARCHAR -> appender.append(point.stringValue());
      case VARBINARY -> throw new IllegalArgumentException("the plant feed has no VARBINARY field");
    }
    appender.endRow();
  }

  @Override
  public SqlQuestions questions() {
    return questions;
  }

  /** The database file and its WAL: what DuckDB holds on disk. */
  @Override
  public long bytesHeld() throws IOException {
    return directory.bytes();
  }

  @Override
  public void close() throws Exception {
    try (writer; reader; transactions; questions) {
      for (DuckDbAppender appender : appenders) {
        appender.close();
      }
    }
    directory.delete();
  }
}
