package io.edgetimedb.server.bench.peer;

import io.edgetimedb.engine.lineprotocol.LineProtocolWriter;
import io.edgetimedb.engine.lineprotocol.Precision;
import io.edgetimedb.engine.schema.FieldType;
import io.edgetimedb.engine.write.PointBatch;
import io.edgetimedb.server.bench.BenchQuery;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A QuestDB server ({@link QuestDbPeer} starts it) fed with InfluxDB line protocol over TCP
 * (ILP) and questioned over the PostgreSQL wire. The tables are created up front, one per
 * measurement, as QuestDB's documentation lays out time series:
 *
 * <pre>
 *   CREATE TABLE temperature (ts TIMESTAMP, site SYMBOL, line SYMBOL,
 *       sensor SYMBOL CAPACITY &lt;sensors, to a power of two&gt; INDEX, value DOUBLE)
 *       TIMESTAMP(ts) PARTITION BY DAY WAL
 * </pre>
 *
 * Tags are symbols (dictionary-encoded), the sensor symbol indexed for one-sensor questions.
 * Lines carry nanosecond timestamps, what QuestDB's ILP over TCP expects by default. ILP over TCP
 * has no acknowledgement: {@link #write} returns once the kernel took the lines, and QuestDB makes
 * them visible at its next commit (about a second later); {@link #awaitVisible} waits for that.
 *
 * <p>Durability: QuestDB's default {@code cairo.commit.mode=nosync}: commits are not fsynced,
 * the OS writes them back later, so a power cut may lose the last seconds.
 */
final class QuestDbTarget implements SqlTarget {
  private final PeerDirectory directory;
  private final ServerProcess server;
  private final QuestDbServerConf conf;
  private final Connection connection;
  private final SqlQuestions questions;
  private final LineProtocolWriter lines = new LineProtocolWriter(Precision.NANOSECONDS);
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(1 << 16);
  private final Socket socket;
  private final OutputStream out;

  QuestDbTarget(PeerDirectory directory, ServerProcess server, QuestDbServerConf conf, Connection connection,
      int sensors) throws SQLException, IOException {
    this.directory = directory;
    this.server = server;
    this.conf = conf;
    this.connection = connection;
    try (Statement statement = connection.createStatement()) {
      for (PlantTable table : PlantTable.ALL) {
        statement.execute(createTable(table, sensors));
      }
    }
    this.questions = new SqlQuestions(connection, TimeColumn.TIMESTAMP, questionSql());
    this.socket = new Socket(InetAddress.getLoopbackAddress(), conf.ilpPort());
    this.out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
  }

  private static String createTable(PlantTable table, int sensors) {
    int capacity = Integer.highestOneBit(Math.max(sensors, 128) - 1) << 1;
    return "CREATE TABLE " + table.measurement() + " (ts TIMESTAMP, site SYMBOL, line SYMBOL, sensor SYMBOL CAPACITY "
        + capacity + " INDEX, " + table.field() + " " + sqlType(table.type())
        + ") TIMESTAMP(ts) PARTITION BY DAY WAL";
  }

  private static String sqlType(FieldType type) {
    return switch (type) {
      case DOUBLE -> "DOUBLE";
      case BIGINT -> "LONG";
      case BOOLEAN -> "BOOLEAN";
      case VARCHAR -> "VARCHAR";
      case VARBINARY -> "BINARY";
    };
  }

  /** Times are bound as epoch microseconds ({@link TimeColumn#TIMESTAMP}), QuestDB's unit of TIMESTAMP. */
  private static Map<BenchQuery, String> questionSql() {
    String range = "ts >= cast(? AS timestamp) AND ts < cast(? AS timestamp)";
    return Map.of(
        BenchQuery.LAST_FIVE_MINUTES, "SELECT ts, value FROM temperature WHERE sensor = ? AND " + range + " ORDER BY ts",
        BenchQuery.ONE_HOUR_RANGE, "SELECT ts, value FROM temperature WHERE sensor = ? AND " + range + " ORDER BY ts",
        BenchQuery.MINUTE_BUCKETS_OVER_ONE_HOUR,
        "SELECT ts, avg(value), min(value), max(value) FROM temperature WHERE sensor = ? AND " + range
            + " SAMPLE BY 1m ALIGN TO CALENDAR",
        BenchQuery.LATEST_OF_EVERY_SENSOR, "SELECT sensor, ts, value FROM temperature LATEST ON ts PARTITION BY sensor",
        BenchQuery.TAG_FILTER, "SELECT sensor, ts, value FROM temperature WHERE site = ? AND line = ? AND " + range);
  }

  @Override
  public String name() {
    return "questdb/ilp-tcp";
  }

  @Override
  public String lineProtocolAddress() {
    return "tcp://127.0.0.1:" + conf.ilpPort();
  }

  @Override
  public void write(PointBatch batch) throws IOException {
    for (int p = 0; p < batch.size(); p++) {
      buffer.reset();
      lines.write(batch, p, buffer);
      buffer.writeTo(out);
    }
    out.flush();
  }

  @Override
  public SqlQuestions questions() {
    return questions;
  }

  ProcessHandle process() {
    return server.handle();
  }

  /** The plant tables' directories under {@code db/} (named {@code <table>~<id>}): their column, index and WAL files. */
  @Override
  public long bytesHeld() throws IOException {
    long bytes = 0;
    try (Stream<Path> tables = Files.list(directory.path().resolve("db"))) {
      for (Path table : (Iterable<Path>) tables::iterator) {
        if (isPlantTable(table.getFileName().toString())) {
          bytes += PeerDirectory.bytes(table);
        }
      }
    }
    return bytes;
  }

  private static boolean isPlantTable(String directoryName) {
    int tilde = directoryName.indexOf('~');
    return PlantTable.indexOf(tilde < 0 ? directoryName : directoryName.substring(0, tilde)) >= 0;
  }

  @Override
  public void close() throws Exception {
    try (server; connection; questions; socket) {
      out.flush();
    } finally {
      directory.delete();
    }
  }
}
