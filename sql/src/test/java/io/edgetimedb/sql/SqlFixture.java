package io.edgetimedb.sql;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.jdbc.Driver;

/** A real database behind a Calcite connection set up as the EdgeTimeDB driver sets it up. */
final class SqlFixture implements AutoCloseable {
  final Database db;
  final Connection connection;

  SqlFixture() throws SQLException {
    this(Database.open(DatabaseConfig.defaults()));
  }

  SqlFixture(Database db) throws SQLException {
    this.db = db;
    Properties props = new Properties();
    props.setProperty("conformance", "LENIENT");
    props.setProperty("timeZone", "UTC");
    Connection c = new Driver().withPrepareFactory(EdgePrepare::new).connect("jdbc:calcite:", props);
    CalciteConnection calcite = c.unwrap(CalciteConnection.class);
    EdgeSchemas.register(calcite.getRootSchema(), db);
    calcite.setSchema("edge");
    this.connection = c;
  }

  void execute(String sql) throws SQLException {
    try (Statement s = connection.createStatement()) {
      s.execute(sql);
    }
  }

  /** Every row as a list of column values: {@code [a, 1, null]}. */
  List<List<Object>> rows(String sql) throws SQLException {
    try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rows(rs);
    }
  }

  static List<List<Object>> rows(ResultSet rs) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    ResultSetMetaData md = rs.getMetaData();
    while (rs.next()) {
      List<Object> row = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        row.add(rs.getObject(i));
      }
      rows.add(row);
    }
    return rows;
  }

  /** The plan text of EXPLAIN PLAN FOR the query. */
  String explain(String sql) throws SQLException {
    StringBuilder plan = new StringBuilder();
    for (List<Object> row : rows("EXPLAIN PLAN FOR " + sql)) {
      plan.append(row.get(0));
    }
    return plan.toString();
  }

  @Override
  public void close() throws SQLException {
    connection.close();
    db.close();
  }
}
