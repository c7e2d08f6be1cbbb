package io.edgetimedb.server.bench.peer;

import io.edgetimedb.engine.schema.FieldType;
import io.edgetimedb.engine.write.PointBatch;
import io.edgetimedb.server.bench.BenchQuery;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SQLite (through org.xerial:sqlite-jdbc) holding the plant feed in one database file, one table
 * per measurement, keyed and indexed the way a careful user of SQLite would for these questions:
 *
 * <pre>
 *   CREATE TABLE temperature (ts INTEGER NOT NULL, site TEXT NOT NULL, line TEXT NOT NULL,
 *       sensor TEXT NOT NULL, value REAL, PRIMARY KEY (sensor, ts)) WITHOUT ROWID
 *   CREATE INDEX temperature_site_line_ts ON temperature (site, line, ts)
 * </pre>
 *
 * The rows are clustered by series and time (the primary key), so one sensor's range is one
 * B-tree range; the second index serves the tag filter. {@code ts} is epoch milliseconds (SQLite
 * has no time type). A point written twice keeps the last write ({@code INSERT OR REPLACE}), as
 * in EdgeTimeDB. Each batch is one transaction of JDBC batches, one per table.
 *
 * <p>Durability: {@code journal_mode=WAL}, {@code synchronous=NORMAL}: a commit is in the WAL
 * file when acknowledged but fsynced only at checkpoints, so a power cut may lose the last
 * commits (never corrupt the file); a crash of the process loses nothing.
 */
final class SqliteTarget implements SqlTarget {
  private static final String FILE = "plant.sqlite";

  private final PeerDirectory directory;
  private final Connection writer;
  private final Connection reader;
  private final List<PreparedStatement> inserts = new ArrayList<>();
  private final SqlQuestions questions;

  private SqliteTarget(PeerDirectory directory, Connection writer, Connection reader) throws SQLException {
    this.directory = directory;
    this.writer = writer;
    this.reader = reader;
    try (Statement statement = writer.createStatement()) {
      statement.execute("PRAGMA journal_mode=WAL");
      statement.execute("PRAGMA synchronous=NORMAL");
      statement.execute("PRAGMA busy_timeout=10000");
      for (PlantTable table : PlantTable.ALL) {
        createTable(statement, table);
      }
    }
    try (Statement statement = reader.createStatement()) {
      statement.execute("PRAGMA busy_timeout=10000");
    }
    writer.setAutoCommit(false);
    for (PlantTable table : PlantTable.ALL) {
      inserts.add(writer.prepareStatement("INSERT OR REPLACE INTO " + table.measurement()
          + " (ts, site, line, sensor, " + table.field() + ") VALUES (?, ?, ?, ?, ?)"));
    }
    this.questions = new SqlQuestions(reader, TimeColumn.EPOCH_MILLIS, questionSql());
  }

  /** Creates the database in {@code directory}: a writing and a reading connection, the tables, the statements. */
  static SqliteTarget open(PeerDirectory directory, ForeignDriver driver) throws SQLException {
    return driver.openWriterAndReader("jdbc:sqlite:" + directory.path().resolve(FILE),
        (writer, reader) -> new SqliteTarget(directory, writer, reader));
  }

  private static void createTable(Statement statement, PlantTable table) throws SQLException {
    String name = table.measurement();
    statement.execute("CREATE TABLE " + name + " (ts INTEGER NOT NULL, site TEXT NOT NULL, line TEXT NOT NULL,"
        + " sensor TEXT NOT NULL, " + table.field() + " " + sqlType(table.type())
        + ", PRIMARY KEY (sensor, ts)) WITHOUT ROWID");
    statement.execute("CREATE INDEX " + name + "_site_line_ts ON " + name + " (site, line, ts)");
  }

  private static String sqlType(FieldType type) {
    return switch (type) {
      case DOUBLE -> "REAL";
      case BIGINT, BOOLEAN -> "INTEGER";
      case VARCHAR -> "TEXT";
      case VARBINARY -> "BLOB";
    };
  }

  private static Map<BenchQuery, String> questionSql() {
    return Map.of(
        BenchQuery.LAST_FIVE_MINUTES,
        "SELECT ts, value FROM temperature WHERE sensor = ? AND ts >= ? AND ts < ? ORDER BY ts",
        BenchQuery.ONE_HOUR_RANGE,
        "SELECT ts, value FROM temperature WHERE sensor = ? AND ts >= ? AND ts < ? ORDER BY ts",
        BenchQuery.MINUTE_BUCKETS_OVER_ONE_HOUR,
        "SELECT ts / 60000 * 60000 AS minute, avg(value), min(value), max(value) FROM temperature"
            + " WHERE sensor = ? AND ts >= ? AND ts < ? GROUP BY minute ORDER BY minute",
        BenchQuery.LATEST_OF_EVERY_SENSOR,
        "SELECT t.sensor, t.ts, t.value FROM temperature t JOIN (SELECT sensor, max(ts) AS ts FROM temperature"
            + " GROUP BY sensor) latest ON t.sensor = latest.sensor AND t.ts = latest.ts",
        BenchQuery.TAG_FILTER,
        "SELECT sensor, ts, value FROM temperature WHERE site = ? AND line = ? AND ts >= ? AND ts < ?");
  }

  @Override
  public String name() {
    return "sqlite/jdbc";
  }

  @Override
  public String lineProtocolAddress() {
    return null;
  }

  @Override
  public void write(PointBatch batch) throws SQLException {
    boolean[] used = new boolean[inserts.size()];
    PlantPoints points = new PlantPoints(batch);
    try {
      while (points.next()) {
        PreparedStatement insert = inserts.get(points.tableIndex());
        bind(insert, points);
        insert.addBatch();
        used[points.tableIndex()] = true;
      }
      for (int t = 0; t < used.length; t++) {
        if (used[t]) {
          inserts.get(t).executeBatch();
        }
      }
      writer.commit();
    } catch (SQLException | RuntimeException e) {
      for (PreparedStatement insert : inserts) {
        insert.clearBatch();
      }
      writer.rollback();
      throw e;
    }
  }

  private static void bind(PreparedStatement insert, PlantPoints point) throws SQLException {
    insert.setLong(1, point.timestamp());
    for (int i = 0; i < PlantTable.TAGS.size(); i++) {
      insert.setString(2 + i, point.tag(i));
    }
    int field = 2 + PlantTable.TAGS.size();
    switch (point.type()) {
      case DOUBLE -> insert.setDouble(field, point.doubleValue());
      case BIGINT -> insert.setLong(field, point.longValue());
      case BOOLEAN -> insert.setBoolean(field, point.booleanValue());
      case VARCHAR -> insert.setString(field, point.stringValue());
      case VARBINARY -> throw new IllegalArgumentException("the plant feed has no VARBINARY field");
    }
  }

  @Override
  public SqlQuestions questions() {
    return questions;
  }

  /** The database file with its WAL and shared-memory index: what SQLite holds on disk. */
  @Override
  public long bytesHeld() throws IOException {
    return directory.bytes();
  }

  @Override
  public void close() throws Exception {
    try (writer; reader; questions) {
      for (PreparedStatement insert : inserts) {
        insert.close();
      }
    }
    directory.delete();
  }
}
