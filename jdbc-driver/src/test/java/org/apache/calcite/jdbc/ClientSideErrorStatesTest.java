package org.apache.calcite.jdbc;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Errors raised inside the JDBC objects themselves (not by a statement) carry a SQLSTATE too. */
class ClientSideErrorStatesTest {
  private Connection connection;

  @BeforeEach
  void open() throws SQLException {
    connection = DriverManager.getConnection("jdbc:edgetimedb:mem:");
    try (Statement s = connection.createStatement()) {
      s.execute("CREATE MEASUREMENT m (site TAG, value DOUBLE)");
      s.executeUpdate("INSERT INTO m (ts, site, value) VALUES (1, 'A', 1.5)");
    }
  }

  @AfterEach
  void close() throws SQLException {
    connection.close();
  }

  @Test
  void anUnknownColumnLabelIsUndefinedColumn() throws SQLException {
    try (ResultSet rs = connection.createStatement().executeQuery("SELECT site, value FROM m")) {
      rs.next();
      fails(() -> rs.getString("nope"), "42703", "'nope'");
      fails(() -> rs.getDouble("nope"), "42703", "'nope'");
      fails(() -> rs.findColumn("nope"), "42703", "'nope'");
    }
  }

  @Test
  void aColumnOrdinalOutOfRangeIsAnInvalidDescriptorIndex() throws SQLException {
    try (ResultSet rs = connection.createStatement().executeQuery("SELECT site, value FROM m")) {
      rs.next();
      fails(() -> rs.getString(3), "07009", "column 3");
      fails(() -> rs.getObject(0), "07009", "column 0");
    }
  }

  @Test
  void readingWithoutACurrentRowIsAnInvalidCursorState() throws SQLException {
    try (ResultSet rs = connection.createStatement().executeQuery("SELECT site, value FROM m")) {
      fails(() -> rs.getString(1), "24000", "next()");
      fails(() -> rs.getString("site"), "24000", "next()");
      rs.next();
      rs.next();
      fails(() -> rs.getDouble(2), "24000", "after the last row");
    }
  }

  @Test
  void aParameterOrdinalOutOfRangeIsAnInvalidDescriptorIndex() throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("SELECT value FROM m WHERE site = ? AND ts >= ?")) {
      fails(() -> ps.setString(3, "A"), "07009", "parameter 3");
      fails(() -> ps.setLong(0, 1), "07009", "parameter 0");
      fails(() -> ps.getParameterMetaData().getParameterType(4), "07009", "parameter 4");
    }
  }

  @Test
  void anUnboundParameterIsNamed() throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("SELECT value FROM m WHERE site = ? AND ts >= ?")) {
      ps.setString(1, "A");
      fails(ps::executeQuery, "07001", "parameter 2");
    }
  }

  @Test
  void executeQueryOfAStatementWithoutRowsIsNotACursorSpecification() throws SQLException {
    Statement s = connection.createStatement();
    fails(() -> s.executeQuery("INSERT INTO m (ts, site, value) VALUES (2, 'A', 2.5)"), "07005", "no rows");
    try (PreparedStatement ps = connection.prepareStatement("INSERT INTO m (ts, site, value) VALUES (3, 'A', 1)")) {
      fails(ps::executeQuery, "07005", "no rows");
    }
  }

  @Test
  void statementTextOnAPreparedStatementIsRefused() throws SQLException {
    try (PreparedStatement ps = connection.prepareStatement("SELECT value FROM m")) {
      fails(() -> ps.executeQuery("SELECT 1"), "42809", "executeQuery(String)");
      fails(() -> ps.execute("SELECT 1"), "42809", "execute(String)");
      fails(() -> ps.executeUpdate("DELETE FROM m"), "42809", "executeUpdate(String)");
    }
  }

  private static void fails(ThrowingCallable call, String state, String mentioned) {
    assertThatThrownBy(call)
        .isInstanceOf(SQLException.class)
        .hasMessageContaining(mentioned)
        .extracting(e -> ((SQLException) e).getSQLState())
        .isEqualTo(state);
  }
}
