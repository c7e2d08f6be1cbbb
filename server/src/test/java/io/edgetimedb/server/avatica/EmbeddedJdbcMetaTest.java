package io.edgetimedb.server.avatica;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.server.security.Users;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What an execution sends back at once: as many rows as the client's fetch size, not Avatica's 100. */
class EmbeddedJdbcMetaTest {
  private static final int ROWS = 300;

  private final String url = AvaticaEndpointTest.memUrl();
  private Connection keepOpen;
  private EmbeddedJdbcMeta meta;
  private Meta.ConnectionHandle connection;

  @BeforeEach
  void open() throws SQLException {
    keepOpen = DriverManager.getConnection(url);
    try (Statement s = keepOpen.createStatement()) {
      s.execute("CREATE MEASUREMENT m (site TAG, v DOUBLE)");
    }
    try (PreparedStatement ps = keepOpen.prepareStatement("INSERT INTO m (ts, site, v) VALUES (?, 'A', ?)")) {
      for (int i = 0; i < ROWS; i++) {
        ps.setLong(1, i * 1000L);
        ps.setDouble(2, i);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    meta = new EmbeddedJdbcMeta(url, AvaticaEndpointTest.loopback(), new BasicAuthentication(Users.none()),
        ConnectionLimits.defaults(), QuerySlots.defaults());
    connection = new Meta.ConnectionHandle("c");
    meta.openConnection(connection, Map.of());
  }

  @AfterEach
  void close() throws SQLException {
    meta.closeAll();
    keepOpen.close();
  }

  @Test
  void aPreparedExecutionsFirstFrameHoldsTheFetchSize() throws NoSuchStatementException {
    assertFirstFrame(executePrepared(250), 250, false);
    assertFirstFrame(executePrepared(ROWS), ROWS, false);
    assertFirstFrame(executePrepared(ROWS + 1), ROWS, true);
    assertFirstFrame(executePrepared(50), 50, false);
  }

  @Test
  void aStatementsFirstFrameHoldsTheFetchSize() throws NoSuchStatementException {
    Meta.StatementHandle h = meta.createStatement(connection);
    Meta.ExecuteResult result = meta.prepareAndExecute(h, "SELECT ts, v FROM m", -1, 1000, (Meta.PrepareCallback) null);
    assertFirstFrame(result, ROWS, true);
  }

  @Test
  void theRowsAfterTheFirstFrameAreFetchedInOrder() throws Exception {
    Meta.ExecuteResult result = executePrepared(250);
    Meta.MetaResultSet rs = result.resultSets.get(0);
    Meta.Frame next = meta.fetch(new Meta.StatementHandle(rs.connectionId, rs.statementId, null), 250, 1000);
    assertThat(next.done).isTrue();
    assertThat(((List<?>) next.rows).get(0)).isEqualTo(new Object[] {250_000L, 250.0});
    assertThat((List<?>) next.rows).hasSize(ROWS - 250);
  }

  private Meta.ExecuteResult executePrepared(int fetchSize) throws NoSuchStatementException {
    Meta.StatementHandle h = meta.prepare(connection, "SELECT ts, v FROM m ORDER BY ts", -1);
    return meta.execute(h, List.of(), fetchSize);
  }

  private static void assertFirstFrame(Meta.ExecuteResult result, int rows, boolean done) {
    Meta.Frame first = result.resultSets.get(0).firstFrame;
    List<?> list = (List<?>) first.rows;
    assertThat(list).hasSize(rows);
    assertThat(first.done).isEqualTo(done);
    for (int i = 0; i < rows; i++) {
      assertThat(list.get(i)).isEqualTo(new Object[] {i * 1000L, (double) i});
    }
  }
}
