package io.edgetimedb.server.bench.edgetimedb;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.write.PointBatch;
import io.edgetimedb.engine.write.WriteResult;
import io.edgetimedb.server.bench.BenchQuery;
import io.edgetimedb.server.bench.BenchTarget;
import io.edgetimedb.server.bench.QueryArguments;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/**
 * EdgeTimeDB through one way in. Writes go through the Java API, JDBC batches, or (for the
 * line-protocol ways in) arrive from a {@code simulate} process at {@link #lineProtocolAddress};
 * questions go through the embedded driver, and, for the quiet phase, also through the remote
 * driver ({@link #askRemotely}). Memory is the engine's own accounting.
 */
public final class EdgeTimeDbTarget implements BenchTarget {
  /** How a batch reaches the database; null for the line-protocol ways in. */
  interface BatchWay {
    void write(PointBatch batch) throws Exception;
  }

  private final String name;
  private final EdgeTimeDbInstance instance;
  private final BatchWay way;
  private final AutoCloseable wayResources;
  private final String lineProtocolAddress;
  private final EdgeSql embedded;
  private EdgeSql remote;

  EdgeTimeDbTarget(String name, EdgeTimeDbInstance instance, BatchWay way, AutoCloseable wayResources,
      String lineProtocolAddress) throws SQLException {
    this.name = name;
    this.instance = instance;
    this.way = way;
    this.wayResources = wayResources;
    this.lineProtocolAddress = lineProtocolAddress;
    this.embedded = new EdgeSql(DriverManager.getConnection(instance.embeddedUrl()));
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String lineProtocolAddress() {
    return lineProtocolAddress;
  }

  @Override
  public void write(PointBatch batch) throws Exception {
    if (way == null) {
      throw new IllegalStateException(name + " takes its points over line protocol from " + lineProtocolAddress);
    }
    way.write(batch);
  }

  /** The Java API's write: refused points would make the figures lie, so they fail the run. */
  static void writeChecked(Database db, PointBatch batch) {
    WriteResult result = db.write(batch);
    if (!result.allAccepted()) {
      throw new IllegalStateException(result.rejected().size() + " points refused, first: " + result.rejected().get(0));
    }
  }

  @Override
  public long awaitVisible(long points, long timeoutMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    long visible = instance.database().memoryUsage().points();
    while (visible < points && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
      visible = instance.database().memoryUsage().points();
    }
    return visible;
  }

  @Override
  public int query(BenchQuery query, QueryArguments arguments) throws SQLException {
    return embedded.ask(query, arguments);
  }

  /** Asks through {@code jdbc:edgetimedb:remote:} and the instance's Avatica endpoint (one connection, opened on first use). */
  public int askRemotely(BenchQuery query, QueryArguments arguments) throws SQLException {
    if (remote == null) {
      remote = new EdgeSql(DriverManager.getConnection(instance.remoteUrl()));
    }
    return remote.ask(query, arguments);
  }

  /** Every byte the engine accounts for: data, tag index, dictionaries. */
  @Override
  public long bytesHeld() {
    return instance.database().memoryUsage().total();
  }

  /** Raw data bytes per point of each measurement, as {@code sys.storage} reports them. */
  public Map<String, Double> bytesPerPointByMeasurement() throws SQLException {
    Map<String, Double> perPoint = new TreeMap<>();
    try (Connection c = DriverManager.getConnection(instance.embeddedUrl());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT measurement, points, bytes FROM sys.storage")) {
      while (rs.next()) {
        long points = rs.getLong(2);
        if (points > 0) {
          perPoint.put(rs.getString(1), rs.getLong(3) / (double) points);
        }
      }
    }
    return perPoint;
  }

  /** How the data is kept: in memory, or durable. */
  public String storage() {
    return instance.storage();
  }

  @Override
  public void close() throws Exception {
    EdgeSql remoteSql = remote;
    try (instance; AutoCloseable w = wayResources; EdgeSql e = embedded; EdgeSql r = remoteSql) {
      // closed in reverse: the connections, the way in, then the database and its endpoints
    }
  }
}
