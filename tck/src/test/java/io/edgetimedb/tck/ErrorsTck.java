package io.edgetimedb.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input gets an SQLException that names the item and carries a SQLSTATE. */
class ErrorsTck {

  @ParameterizedTest(name = "{0}")
  @MethodSource(Tck.CONFIGURATIONS)
  void statementErrorsNameTheItemAndCarryTheirClass(DriverConfiguration driver) throws SQLException {
    try (Connection c = driver.newDatabase().connect(); Statement s = c.createStatement()) {
      Tck.createAllTypes(c);
      fails(s, "SELECT d FROM readings WHERE (", "42601", "line 1, column 30");
      fails(s, "SHOW TAG VALUES FROM readings WITH KEY site", "42601", "line 1, column 40");
      fails(s, "SELECT * FROM nosuch", "42P01", "nosuch");
      fails(s, "SELECT nosuch FROM readings", "42703", "nosuch");
      fails(s, "SELECT bin + 1 FROM readings", "42804", "VARBINARY");
      fails(s, "INSERT INTO readings (ts, site, d) VALUES (TIMESTAMP '2024-02-30 25:00:00', 'A', 1)", "22007",
          "2024-02-30");
      fails(s, "SELECT time_bucket(INTERVAL 'x' MINUTE, ts) FROM readings", "22007", "'x'");
      fails(s, "INSERT INTO readings (ts, site, d) VALUES ('yesterday', 'A', 1)", "22007", "yesterday");
      fails(s, "INSERT INTO readings (ts, site, nosuch) VALUES (1, 'A', 1)", "42703", "nosuch");
      fails(s, "INSERT INTO readings (ts, site, b) VALUES (1, 'A', 1.5)", "22018", "'b'");
      fails(s, "DROP MEASUREMENT nosuch", "42P01", "nosuch");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(Tck.CONFIGURATIONS)
  void parameterTypeMismatchNamesTheColumn(DriverConfiguration driver) throws SQLException {
    try (Connection c = driver.newDatabase().connect()) {
      Tck.createAllTypes(c);
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO readings (ts, site, flag) VALUES (?, ?, ?)")) {
        ps.setLong(1, 1);
        ps.setString(2, "A");
        ps.setString(3, "maybe");
        ps.addBatch();
        assertThatThrownBy(ps::executeBatch).isInstanceOf(SQLException.class).hasMessageContaining("'flag'")
            .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22018");
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(Tck.CONFIGURATIONS)
  void errorsWhileReadingRowsAreSqlExceptions(DriverConfiguration driver) throws SQLException {
    try (Connection c = driver.newDatabase().connect(); Statement s = c.createStatement()) {
      Tck.createAllTypes(c);
      Tck.execute(c, "INSERT INTO readings (ts, site, d) VALUES (1, 'A', 1)");
      // Remotely the first rows travel with the execute response, so the error comes from executeQuery.
      assertThatThrownBy(() -> {
        try (var rs = s.executeQuery("SELECT time_bucket(INTERVAL '0' SECOND, ts) FROM readings")) {
          assertThat(driver.client().remote()).as("embedded: executeQuery succeeds, next() fails").isFalse();
          rs.next();
        }
      }).isInstanceOf(SQLException.class).hasMessageContaining("time_bucket interval")
          .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("22023");
      fails(s, "SELECT time_bucket(INTERVAL '1' MONTH, ts) FROM readings", "42883", "INTERVAL_YEAR_MONTH");
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(Tck.CONFIGURATIONS)
  void schemaStatementsThroughAPreparedStatementRunOnce(DriverConfiguration driver) throws SQLException {
    try (Connection c = driver.newDatabase().connect();
        PreparedStatement ps = c.prepareStatement("CREATE MEASUREMENT p (a DOUBLE)")) {
      assertThat(Tck.count(c, "SELECT count(*) FROM sys.measurements")).isEqualTo(1);
      assertThat(ps.executeUpdate()).isZero();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(Tck.CONFIGURATIONS)
  void badUrlsAreConnectionErrors(DriverConfiguration driver) {
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:edgetimedb:tape:x"))
        .isInstanceOf(SQLException.class).hasMessageContaining("tape:x")
        .extracting(e -> ((SQLException) e).getSQLState()).isEqualTo("08001");
  }

  private static void fails(Statement s, String sql, String state, String mentioned) {
    assertThatThrownBy(() -> s.execute(sql)).as(sql).isInstanceOf(SQLException.class)
        .hasMessageContaining(mentioned)
        .extracting(e -> ((SQLException) e).getSQLState()).as(sql).isEqualTo(state);
  }
}
