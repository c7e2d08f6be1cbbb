package io.edgetimedb.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What SQL clients (sqlline, DBeaver) read to list schemas, tables and columns. */
class MetadataTck {

  @ParameterizedTest(name = "{0}")
  @MethodSource(Tck.CONFIGURATIONS)
  void naturalNamesLabelColumnsWithoutQuotes(DriverConfiguration driver) throws SQLException {
    try (Connection c = driver.newDatabase().connect(); Statement s = c.createStatement()) {
      Tck.createAllTypes(c);
      try (ResultSet rs = s.executeQuery("SELECT ts AS time, CAST(ts AS TIMESTAMP) AS timestamp, d AS value"
          + " FROM readings WHERE ts >= TIMESTAMP '2024-01-01 00:00:00'")) {
        ResultSetMetaData md = rs.getMetaData();
        assertThat(List.of(md.getColumnLabel(1), md.getColumnLabel(2), md.getColumnLabel(3)))
            .containsExactly("time", "timestamp", "value");
        assertThat(md.getColumnType(2)).isEqualTo(Types.TIMESTAMP);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(Tck.CONFIGURATIONS)
  void schemasTablesAndColumnsWithTypes(DriverConfiguration driver) throws SQLException {
    try (Connection c = driver.newDatabase().connect()) {
      Tck.createAllTypes(c);
      DatabaseMetaData md = c.getMetaData();
      // Avatica's own remote driver names itself as product and driver.
      boolean avatica = driver.client() == DriverConfiguration.Client.REMOTE_AVATICA;
      assertThat(md.getDatabaseProductName()).isEqualTo(avatica ? "Avatica" : "EdgeTimeDB");
      assertThat(md.getDriverName()).isEqualTo(avatica ? "Avatica Remote JDBC Driver" : "EdgeTimeDB JDBC Driver");
      assertThat(column(md.getSchemas(), "TABLE_SCHEM")).contains("edge", "sys");
      assertThat(column(md.getTables(null, "edge", "%", null), "TABLE_NAME")).containsExactly("readings");
      assertThat(column(md.getTables(null, "sys", "%", null), "TABLE_NAME"))
          .contains("storage", "series", "fields", "schema_history");
      Map<String, Integer> types = new LinkedHashMap<>();
      try (ResultSet rs = md.getColumns(null, "edge", "readings", "%")) {
        while (rs.next()) {
          types.put(rs.getString("COLUMN_NAME"), rs.getInt("DATA_TYPE"));
        }
      }
      assertThat(types).containsExactly(Map.entry("ts", Types.TIMESTAMP), Map.entry("site", Types.VARCHAR),
          Map.entry("d", Types.DOUBLE), Map.entry("b", Types.BIGINT), Map.entry("flag", Types.BOOLEAN),
          Map.entry("s", Types.VARCHAR), Map.entry("bin", Types.VARBINARY));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(Tck.CONFIGURATIONS)
  void resultSetMetadataNamesAndTypesTheColumns(DriverConfiguration driver) throws SQLException {
    try (Connection c = driver.newDatabase().connect()) {
      Tck.createAllTypes(c);
      try (ResultSet rs = c.createStatement().executeQuery("SELECT ts, site, d, b, flag, s, bin FROM readings")) {
        ResultSetMetaData md = rs.getMetaData();
        assertThat(md.getColumnCount()).isEqualTo(7);
        assertThat(md.getColumnLabel(3)).isEqualTo("d");
        assertThat(md.getColumnType(1)).isEqualTo(Types.TIMESTAMP);
        assertThat(md.getColumnType(7)).isEqualTo(Types.VARBINARY);
        assertThat(md.isNullable(1)).isEqualTo(ResultSetMetaData.columnNoNulls);
        assertThat(md.isNullable(3)).isEqualTo(ResultSetMetaData.columnNullable);
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource(Tck.CONFIGURATIONS)
  void newColumnsAppearToAConnectedClient(DriverConfiguration driver) throws SQLException {
    DriverConfiguration.Database db = driver.newDatabase();
    try (Connection reader = db.connect(); Connection writer = db.connect()) {
      Tck.execute(writer, "CREATE MEASUREMENT m (site TAG, a DOUBLE)");
      assertThat(Tck.rows(reader, "SELECT * FROM m")).isEmpty();
      Tck.execute(writer, "DROP MEASUREMENT m");
      Tck.execute(writer, "CREATE MEASUREMENT m (site TAG, a DOUBLE, extra BIGINT)");
      Tck.execute(writer, "INSERT INTO m (ts, site, extra) VALUES (1, 'A', 7)");
      assertThat(Tck.rows(reader, "SELECT extra FROM m")).containsExactly(List.of(7L));
    }
  }

  /**
   * The calls DBeaver makes when it opens a connection and browses a table (its generic JDBC
   * plugin): each must answer, not throw, and a table without keys or indexes has empty lists.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource(Tck.CONFIGURATIONS)
  void theCallsAGraphicalClientMakesWhileBrowsing(DriverConfiguration driver) throws SQLException {
    try (Connection c = driver.newDatabase().connect()) {
      Tck.createAllTypes(c);
      DatabaseMetaData md = c.getMetaData();
      assertThat(md.getIdentifierQuoteString()).isEqualTo("\"");
      assertThat(md.getDatabaseProductVersion()).isNotBlank();
      assertThat(md.getDriverVersion()).isNotBlank();
      assertThat(column(md.getTableTypes(), "TABLE_TYPE")).contains("TABLE");
      assertThat(column(md.getCatalogs(), "TABLE_CAT")).isNotNull();
      assertThat(column(md.getTables(null, "edge", "%", new String[] {"TABLE", "VIEW"}), "TABLE_NAME"))
          .containsExactly("readings");
      assertThat(column(md.getPrimaryKeys(null, "edge", "readings"), "COLUMN_NAME")).isEmpty();
      assertThat(column(md.getImportedKeys(null, "edge", "readings"), "FKCOLUMN_NAME")).isEmpty();
      assertThat(column(md.getExportedKeys(null, "edge", "readings"), "FKCOLUMN_NAME")).isEmpty();
      assertThat(column(md.getIndexInfo(null, "edge", "readings", false, true), "INDEX_NAME")).isEmpty();
      assertThat(column(md.getTypeInfo(), "TYPE_NAME")).contains("TIMESTAMP", "DOUBLE", "VARCHAR", "BOOLEAN");
      assertThat(column(md.getColumns(null, "edge", "readings", "ts"), "TYPE_NAME")).hasSize(1);
      assertThat(md.getSQLKeywords()).isNotNull();
      assertThat(md.supportsTransactions()).isFalse();
      // Avatica's own client answers from its defaults ("upper case"); docs/remote-access.md says so.
      boolean avatica = driver.client() == DriverConfiguration.Client.REMOTE_AVATICA;
      assertThat(md.storesMixedCaseIdentifiers()).as("names stored as written").isEqualTo(!avatica);
      assertThat(md.storesUpperCaseIdentifiers()).as("clients must not upper-case names to look them up")
          .isEqualTo(avatica);
    }
  }

  private static List<String> column(ResultSet rs, String name) throws SQLException {
    List<String> values = new ArrayList<>();
    try (rs) {
      while (rs.next()) {
        values.add(rs.getString(name));
      }
    }
    return values;
  }
}
