package io.edgetimedb.server.bench.edgetimedb;

import io.edgetimedb.engine.simulation.SensorKind;
import io.edgetimedb.engine.write.PointBatch;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes plant-feed batches the way a JDBC application does: one prepared {@code INSERT} per
 * measurement (sensor kind), a row per point added to its batch, then each statement's
 * {@code executeBatch}. The measurements are created first, as such an application would
 * (EdgeTimeDB would also create them on first write over line protocol).
 */
final class JdbcInserts implements AutoCloseable {
  private static final List<String> TAGS = List.of("site", "line", "sensor");

  private final Connection connection;
  private final Map<String, PreparedStatement> inserts = new HashMap<>();

  JdbcInserts(Connection connection) throws SQLException {
    this.connection = connection;
    try (Statement ddl = connection.createStatement()) {
      for (SensorKind kind : SensorKind.values()) {
        ddl.execute("CREATE MEASUREMENT IF NOT EXISTS " + kind.measurement() + " (site TAG, line TAG, sensor TAG, \""
            + kind.field() + "\" " + kind.type().name() + ")");
        inserts.put(kind.measurement(), connection.prepareStatement("INSERT INTO " + kind.measurement()
            + " (ts, site, line, sensor, \"" + kind.field() + "\") VALUES (?, ?, ?, ?, ?)"));
      }
    }
  }

  /** Inserts every point of the batch; returns once every statement's batch has executed. */
  void write(PointBatch batch) throws SQLException {
    for (int p = 0; p < batch.size(); p++) {
      PreparedStatement insert = inserts.get(batch.measurement(p));
      if (insert == null) {
        throw new IllegalArgumentException("measurement '" + batch.measurement(p) + "' is not one of the plant feed's");
      }
      insert.setTimestamp(1, new Timestamp(batch.timestamp(p)));
      for (int t = batch.tagStart(p); t < batch.tagStart(p) + batch.tagCount(p); t++) {
        insert.setString(2 + TAGS.indexOf(batch.tagKeys()[t]), batch.tagValues()[t]);
      }
      bindField(insert, batch, batch.fieldStart(p));
      insert.addBatch();
    }
    for (PreparedStatement insert : inserts.values()) {
      insert.executeBatch();
    }
  }

  private static void bindField(PreparedStatement insert, PointBatch batch, int field) throws SQLException {
    long bits = batch.fieldBits(field);
    switch (batch.fieldType(field)) {
      case DOUBLE -> insert.setDouble(5, Double.longBitsToDouble(bits));
      case BIGINT -> insert.setLong(5, bits);
      case BOOLEAN -> insert.setBoolean(5, bits != 0);
      case VARCHAR -> insert.setString(5, (String) batch.fieldRef(field));
      case VARBINARY -> insert.setBytes(5, (byte[]) batch.fieldRef(field));
    }
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
