package io.edgetimedb.server.avatica;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TimeZone;
import java.util.concurrent.TimeUnit;
import io.edgetimedb.sql.access.Access;
import io.edgetimedb.sql.access.Role;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.MissingResultsException;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.jdbc.JdbcMeta;
import org.apache.calcite.avatica.jdbc.StatementInfo;
import org.apache.calcite.avatica.jdbc.StatementInfos;
import org.apache.calcite.avatica.remote.TypedValue;

/**
 * Avatica's JdbcMeta over the embedded EdgeTimeDB driver: each remote connection is one embedded
 * connection, opened with only the client properties {@link ClientPropertyAllowList} lets through
 * and, when the endpoint has users, as the user who logged in with that user's role; admitted
 * within the {@link ConnectionLimits}, running its queries in {@link QuerySlots}, and closed by
 * JdbcMeta's caches once idle for the configured time. The cache never closes a connection to
 * make room: JdbcMeta's default capacity (1,000) evicted other clients' connections when one
 * client opened many.
 */
final class EmbeddedJdbcMeta extends JdbcMeta {
  private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

  private final BasicAuthentication authentication;
  private final OpenConnections open;
  private final QuerySlots slots;

  EmbeddedJdbcMeta(String embeddedUrl, AvaticaSettings settings, BasicAuthentication authentication,
      ConnectionLimits limits, QuerySlots slots) throws SQLException {
    super(embeddedUrl, cacheSettings(settings));
    this.authentication = authentication;
    this.open = new OpenConnections(limits);
    this.slots = slots;
  }

  QuerySlots querySlots() {
    return slots;
  }

  OpenConnections openConnections() {
    return open;
  }

  /**
   * JdbcMeta reads its cache sizes and expiry from its properties. Idle expiry is
   * expire-after-access, in milliseconds so tests can use short timeouts.
   */
  private static Properties cacheSettings(AvaticaSettings settings) {
    Properties p = new Properties();
    p.setProperty(ConnectionCacheSettings.MAX_CAPACITY.key(), Long.toString(Long.MAX_VALUE));
    p.setProperty(ConnectionCacheSettings.EXPIRY_DURATION.key(), millis(settings.connectionIdleTimeout()));
    p.setProperty(ConnectionCacheSettings.EXPIRY_UNIT.key(), TimeUnit.MILLISECONDS.name());
    p.setProperty(StatementCacheSettings.EXPIRY_DURATION.key(), millis(settings.statementIdleTimeout()));
    p.setProperty(StatementCacheSettings.EXPIRY_UNIT.key(), TimeUnit.MILLISECONDS.name());
    return p;
  }

  private static String millis(Duration d) {
    return Long.toString(d.toMillis());
  }

  @Override
  public void openConnection(ConnectionHandle ch, Map<String, String> clientProperties) {
    ClientPropertyAllowList.check(clientProperties);
    // counted against the user who logged in, when there are users: a client names itself freely
    String named = clientProperties == null ? null : clientProperties.get("user");
    String user = authentication.current().map(Access::user).orElse(named == null ? "anonymous" : named);
    open.admit(ch.id, user, getConnectionCache().asMap().keySet());
    try {
      super.openConnection(ch, clientProperties);
    } catch (RuntimeException e) {
      open.forget(ch.id);
      throw e;
    }
  }

  /**
   * JdbcMeta hands over its own settings merged with the client's; the embedded driver gets the
   * allowed client properties only (defence in depth behind {@link #openConnection}), and with
   * authentication the logged-in user and role instead of whatever user the client named.
   *
   * <p>JdbcMeta turns TIMESTAMP parameters from wire to JDBC with a calendar in the server JVM's
   * zone; an embedded connection in that same zone undoes exactly that shift, so what the engine
   * sees is the epoch millisecond sent whatever zone the server runs in (in UTC both are no-ops).
   * Results: see {@link #fetch}.
   */
  @Override
  protected Connection createConnection(String url, Properties merged) throws SQLException {
    Properties properties = ClientPropertyAllowList.forwarded(merged);
    Optional<Access> loggedIn = authentication.current();
    if (loggedIn.isPresent()) {
      // the user who authenticated, whatever user property the client sent
      properties.remove("password");
      properties.setProperty("user", loggedIn.get().user());
      properties.setProperty(Role.PROPERTY, loggedIn.get().role().label());
    }
    properties.setProperty("timeZone", TimeZone.getDefault().getID());
    return DriverManager.getConnection(url, properties);
  }

  /**
   * JdbcMeta puts at most 100 rows into an execution's first frame whatever the client's fetch
   * size, so a result of a few thousand rows took a second round trip (a fetch) even when the
   * client asked for all of them at once. The first frame here holds up to the client's fetch size.
   */
  @Override
  public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues, int maxRowsInFirstFrame)
      throws NoSuchStatementException {
    slots.take();
    try {
      return withFirstFrames(super.execute(h, parameterValues, maxRowsInFirstFrame), maxRowsInFirstFrame);
    } finally {
      slots.give();
    }
  }

  /** As {@link #execute(StatementHandle, List, int)}, for statements without parameters. */
  @Override
  public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount, int maxRowsInFirstFrame,
      PrepareCallback callback) throws NoSuchStatementException {
    slots.take();
    try {
      return withFirstFrames(super.prepareAndExecute(h, sql, maxRowCount, maxRowsInFirstFrame, callback),
          maxRowsInFirstFrame);
    } finally {
      slots.give();
    }
  }

  private ExecuteResult withFirstFrames(ExecuteResult result, int maxRowsInFirstFrame) throws NoSuchStatementException {
    List<MetaResultSet> filled = new ArrayList<>(result.resultSets.size());
    for (MetaResultSet resultSet : result.resultSets) {
      filled.add(withFirstFrame(resultSet, maxRowsInFirstFrame));
    }
    return new ExecuteResult(filled);
  }

  private MetaResultSet withFirstFrame(MetaResultSet resultSet, int maxRows) throws NoSuchStatementException {
    Frame first = resultSet.firstFrame;
    if (first == null || first.done || !(first.rows instanceof List<Object> rows) || rows.size() >= maxRows) {
      return resultSet;
    }
    Frame next;
    try {
      next = fetchRows(new StatementHandle(resultSet.connectionId, resultSet.statementId, null), rows.size(),
          maxRows - rows.size());
    } catch (MissingResultsException e) {
      throw new IllegalStateException("the result set of a statement just executed is gone", e);
    }
    List<Object> joined = new ArrayList<>(rows);
    next.rows.forEach(joined::add);
    return MetaResultSet.create(resultSet.connectionId, resultSet.statementId, resultSet.ownStatement,
        resultSet.signature, new Frame(0, next.done, joined), resultSet.updateCount);
  }

  /**
   * JdbcMeta reads the TIMESTAMPs of an execution's first frame with a UTC calendar but those of
   * later frames with a calendar in the server JVM's zone, so outside UTC every row after the first
   * frame came out shifted by the zone's offset. Later frames are shifted back here to exactly what
   * the UTC calendar gives (JdbcMeta's calendar and Avatica's default zone are the same zone).
   */
  @Override
  public Frame fetch(StatementHandle h, long offset, int fetchMaxRowCount)
      throws NoSuchStatementException, MissingResultsException {
    slots.take();
    try {
      return fetchRows(h, offset, fetchMaxRowCount);
    } finally {
      slots.give();
    }
  }

  /** A fetch within a request that holds a query slot already. */
  private Frame fetchRows(StatementHandle h, long offset, int fetchMaxRowCount)
      throws NoSuchStatementException, MissingResultsException {
    TimeZone zone = TimeZone.getDefault();
    List<Integer> timestamps = zone.hasSameRules(UTC) ? List.of() : timestampColumns(h);
    Frame frame = super.fetch(h, offset, fetchMaxRowCount);
    if (!timestamps.isEmpty()) {
      shiftBack(frame, timestamps, zone);
    }
    return frame;
  }

  private static void shiftBack(Frame frame, List<Integer> timestampColumns, TimeZone zone) {
    for (Object row : frame.rows) {
      Object[] values = (Object[]) row;
      for (int column : timestampColumns) {
        if (values[column] instanceof Long shifted) {
          values[column] = shifted + zone.getOffset(shifted);
        }
      }
    }
  }

  private List<Integer> timestampColumns(StatementHandle h) {
    StatementInfo info = getStatementCache().getIfPresent(h.id);
    ResultSet resultSet = info == null ? null : info.getResultSet();
    if (resultSet == null) {
      return List.of();
    }
    try {
      ResultSetMetaData columns = resultSet.getMetaData();
      List<Integer> timestamps = new ArrayList<>();
      for (int i = 1; i <= columns.getColumnCount(); i++) {
        if (columns.getColumnType(i) == Types.TIMESTAMP) {
          timestamps.add(i - 1);
        }
      }
      return timestamps;
    } catch (SQLException e) {
      throw new IllegalStateException("cannot describe the result set being fetched", e);
    }
  }

  /**
   * Stops the statement's running query before closing it, also while the query is still being
   * planned (there is no result set yet): the embedded statement's close is synchronized and waits
   * for the locks its running execution may hold, while its cancel flag, set here first and
   * checked by the query's guards, needs none. This is
   * how {@code jdbc:edgetimedb:remote:} stops a query at its timeout or cancel, and a remote client
   * that closes its statement leaves nothing running behind it.
   */
  @Override
  public void closeStatement(StatementHandle h) {
    StatementInfo info = getStatementCache().getIfPresent(h.id);
    try {
      if (info != null && StatementInfos.statement(info) instanceof AvaticaStatement embedded) {
        embedded.connection.getCancelFlag(embedded.handle).set(true);
      }
    } catch (NoSuchStatementException e) {
      // closed already
    }
    super.closeStatement(h);
  }

  /** Closes every remote connection's embedded connection (their statements close with them). */
  void closeAll() {
    getStatementCache().invalidateAll();
    getConnectionCache().invalidateAll();
    getConnectionCache().cleanUp();
  }
}
