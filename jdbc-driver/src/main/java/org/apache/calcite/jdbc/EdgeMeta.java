package org.apache.calcite.jdbc;

import io.edgetimedb.engine.Database;
import io.edgetimedb.sql.EdgeSchemas;
import io.edgetimedb.sql.cache.Literal;
import io.edgetimedb.sql.cache.NormalisedQuery;
import io.edgetimedb.sql.cache.PlanCache;
import io.edgetimedb.sql.parse.EdgeParserFactory;
import io.edgetimedb.sql.table.RowsRefusedException;
import io.edgetimedb.sql.write.InsertTemplate;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.apache.calcite.avatica.AvaticaClientRuntimeException;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.AvaticaSeverity;
import org.apache.calcite.avatica.ColumnMetaData;
import org.apache.calcite.avatica.Meta;
import org.apache.calcite.avatica.NoSuchStatementException;
import org.apache.calcite.avatica.QueryState;
import org.apache.calcite.avatica.remote.TypedValue;
import org.apache.calcite.server.CalciteServerStatement;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;

/**
 * Calcite's Meta with EdgeTimeDB's transaction, write and error behaviour. It lives in Calcite's
 * package because {@link CalciteConnectionImpl} is package-private.
 *
 * <ul>
 *   <li>Auto-commit is on, and every statement is applied when it runs. commit() has nothing
 *       to do; rollback() cannot undo applied writes and does nothing (docs/sql-dialect.md).
 *   <li>{@code INSERT ... VALUES} of literals and parameters, and batches of such prepared
 *       INSERTs, go straight to one engine batch, without planning per statement or running a
 *       plan per row.
 *   <li>Ad-hoc queries ({@code Statement.executeQuery} of SELECT or WITH) that differ only in
 *       literals share a plan: the literals of conditions, LIKE patterns and row counts become
 *       parameters ({@link NormalisedQuery}; INTERVAL, TIME, SELECT-list and function-argument
 *       literals stay in the text). Plans live in the {@link AdHocPlans} of the connection's
 *       database, {@value AdHocPlans#CAPACITY} per database, shared by all its connections, by
 *       (schema version, connection properties but the password, current schema, normalised
 *       text, max rows) ({@link PlanCache.Key}); each run binds the plan to this connection's
 *       root schema. A literal that does not bind as Calcite would convert it
 *       ({@link Literal#valueFor}), or a text that does not plan normalised, runs planned with
 *       its literals.
 *   <li>Errors leave with a SQLSTATE.
 * </ul>
 */
public final class EdgeMeta extends CalciteMetaImpl {
  /** Connection properties that cannot change a plan and must not sit in a cache key. */
  private static final Set<String> NOT_PLAN_SETTINGS = Set.of("password");

  private final Runnable onClose;
  private final Function<Throwable, String> sqlStates;
  private final AdHocPlans plans;
  /** The connection's properties that may change what a plan means, as part of a plan's key. */
  private final String planSettings;
  /** The literal values an ad-hoc query of a statement (by id) runs with, bound to its cached plan. */
  private final Map<Integer, List<TypedValue>> literalValues = new ConcurrentHashMap<>();

  private EdgeMeta(CalciteConnectionImpl connection, AdHocPlans plans, Runnable onClose,
      Function<Throwable, String> sqlStates) {
    super(connection, CalciteMetaTableFactoryImpl.INSTANCE, CalciteMetaColumnFactoryImpl.INSTANCE);
    this.plans = plans;
    this.planSettings = planSettings(connection.getProperties());
    this.onClose = onClose;
    this.sqlStates = sqlStates;
    connProps.setAutoCommit(true);
    connProps.setDirty(false);
  }

  /**
   * @param plans the ad-hoc query plans of the connection's database, shared with its other connections
   * @param onClose runs once the connection has closed (releases its database)
   * @param sqlStates the SQLSTATE of an error
   */
  public static Meta create(AvaticaConnection connection, AdHocPlans plans, Runnable onClose,
      Function<Throwable, String> sqlStates) {
    return new EdgeMeta((CalciteConnectionImpl) connection, plans, onClose, sqlStates);
  }

  /**
   * Every connection property but the password, sorted: time zone, case sensitivity, lexical
   * policy, conformance, function libraries and user all decide how a text plans or what its
   * plan computes, and any property a later Calcite adds might; two connections share plans
   * only when they agree on all of them.
   */
  private static String planSettings(Properties properties) {
    Map<String, String> settings = new TreeMap<>();
    for (String name : properties.stringPropertyNames()) {
      if (!NOT_PLAN_SETTINGS.contains(name)) {
        settings.put(name, properties.getProperty(name));
      }
    }
    return settings.toString();
  }

  /** Numbers statements one at a time: Avatica's counter is a plain field (see {@link EdgeConnection}). */
  @Override
  public synchronized StatementHandle createStatement(ConnectionHandle ch) {
    return super.createStatement(ch);
  }

  @Override
  public void commit(ConnectionHandle ch) {
    // Every statement was applied when it ran.
  }

  @Override
  public void rollback(ConnectionHandle ch) {
    // Applied writes cannot be undone; documented, so rollback() must not fail callers.
  }

  @Override
  public void closeConnection(ConnectionHandle ch) {
    try {
      super.closeConnection(ch);
    } finally {
      onClose.run();
    }
  }

  /**
   * Clears a cancel left from before: Avatica sets a statement's cancel flag even when nothing
   * runs, and Calcite never clears it, so a statement once cancelled would fail every later query.
   * {@code Statement.cancel} stops what runs now (see {@link io.edgetimedb.sql.limit.QueryGuards}).
   */
  private void startRun(StatementHandle h) {
    try {
      getConnection().getCancelFlag(h).set(false);
    } catch (NoSuchStatementException e) {
      // Calcite reports the unknown statement itself
    }
  }

  @Override
  public StatementHandle prepare(ConnectionHandle ch, String sql, long maxRowCount) {
    try {
      return super.prepare(ch, sql, maxRowCount);
    } catch (RuntimeException e) {
      throw translated(e);
    }
  }

  @Override
  public ExecuteResult prepareAndExecute(StatementHandle h, String sql, long maxRowCount, int maxRowsInFirstFrame,
      PrepareCallback callback) throws NoSuchStatementException {
    startRun(h);
    try {
      Optional<InsertTemplate> insert = insertTemplate(sql).filter(t -> t.parameterCount() == 0);
      if (insert.isPresent()) {
        long count = insert.get().write(List.of());
        synchronized (callback.getMonitor()) {
          callback.clear();
          callback.assign(null, null, count);
        }
        callback.execute();
        return new ExecuteResult(List.of(MetaResultSet.count(h.connectionId, h.id, count)));
      }
      Optional<ExecuteResult> cached = executeWithCachedPlan(h, sql, maxRowCount, callback);
      if (cached.isPresent()) {
        return cached.get();
      }
      literalValues.remove(h.id);
      return super.prepareAndExecute(h, sql, maxRowCount, maxRowsInFirstFrame, callback);
    } catch (RuntimeException e) {
      throw translated(e);
    } catch (SQLException e) {
      throw translated(new RuntimeException(e));
    }
  }

  /**
   * Runs a query through the plan of its normalised text, planned now or earlier, with its
   * literals as parameter values. Empty when the text is no query, when its normalised form does
   * not plan (a parameter whose type Calcite cannot infer) or a literal does not fit its
   * parameter: Calcite then plans the text as it is, and reports any error in it.
   */
  private Optional<ExecuteResult> executeWithCachedPlan(StatementHandle h, String sql, long maxRowCount,
      PrepareCallback callback) throws SQLException, NoSuchStatementException {
    Database db = EdgeSchemas.database(getConnection().getRootSchema());
    if (db == null || !NormalisedQuery.isQuery(sql)) {
      return Optional.empty();
    }
    NormalisedQuery query = NormalisedQuery.of(sql);
    CalciteServerStatement statement = getConnection().server.getStatement(h);
    // The current schema decides what unqualified names mean.
    PlanCache.Key key = new PlanCache.Key(db.schemaVersion(), planSettings + " schema=" + getConnection().getSchema(),
        query.sql(), maxRowCount);
    Optional<CalcitePrepare.CalciteSignature<Object>> plan = plans.plan(key, () -> getConnection()
        .parseQuery(CalcitePrepare.Query.of(query.sql()), statement.createPrepareContext(), maxRowCount));
    Optional<List<TypedValue>> values = plan.flatMap(p -> bind(p, query.literals()));
    if (values.isEmpty()) {
      return Optional.empty();
    }
    CalcitePrepare.CalciteSignature<Object> signature = AdHocPlans.boundTo(plan.get(), getConnection().rootSchema);
    synchronized (callback.getMonitor()) {
      callback.clear();
      statement.setSignature(signature);
      literalValues.put(h.id, values.get());
      callback.assign(signature, null, -1);
    }
    callback.execute();
    return Optional.of(new ExecuteResult(List.of(MetaResultSet.create(h.connectionId, h.id, false, signature, null,
        -1))));
  }

  private static Optional<List<TypedValue>> bind(Meta.Signature signature, List<Literal> literals) {
    if (signature.parameters.size() != literals.size()) {
      return Optional.empty();
    }
    List<TypedValue> values = new ArrayList<>(literals.size());
    for (int i = 0; i < literals.size(); i++) {
      Object value = literals.get(i).valueFor(signature.parameters.get(i).parameterType);
      if (value == null) {
        return Optional.empty();
      }
      values.add(TypedValue.ofLocal(ColumnMetaData.Rep.OBJECT, value));
    }
    return Optional.of(values);
  }

  /**
   * Closing a statement stops its query if one still runs: a remote client that closes its
   * statement leaves nothing running behind it.
   */
  @Override
  public void closeStatement(StatementHandle h) {
    literalValues.remove(h.id);
    try {
      getConnection().getCancelFlag(h).set(true);
    } catch (NoSuchStatementException e) {
      // closed already
    }
    super.closeStatement(h);
  }

  /**
   * Statement.executeBatch: each direct INSERT is one engine write, the rest go through Calcite.
   * The batch stops at a failing statement and reports the counts of those before it.
   */
  @Override
  public ExecuteBatchResult prepareAndExecuteBatch(StatementHandle h, List<String> sqlCommands)
      throws NoSuchStatementException {
    long[] counts = new long[sqlCommands.size()];
    for (int i = 0; i < counts.length; i++) {
      try {
        Optional<InsertTemplate> insert = insertTemplate(sqlCommands.get(i)).filter(t -> t.parameterCount() == 0);
        counts[i] = insert.isPresent() ? insert.get().write(List.of())
            : super.prepareAndExecuteBatch(h, List.of(sqlCommands.get(i))).updateCounts[0];
      } catch (RuntimeException e) {
        AvaticaClientRuntimeException error = translated(e);
        throw FailedBatch.stoppedAt(error.getMessage(), error.getSqlState(), Arrays.copyOf(counts, i), e);
      }
    }
    return new ExecuteBatchResult(counts);
  }

  /**
   * Runs a prepared statement. Calcite runs CREATE and DROP while preparing them and leaves a
   * signature that cannot run again; executing it reports the 0 rows it changed.
   */
  @Override
  public ExecuteResult execute(StatementHandle h, List<TypedValue> parameterValues, int maxRowsInFirstFrame)
      throws NoSuchStatementException {
    startRun(h);
    try {
      Signature signature = getConnection().server.getStatement(h).getSignature();
      if (signature != null && signature.statementType == StatementType.OTHER_DDL) {
        return new ExecuteResult(List.of(MetaResultSet.count(h.connectionId, h.id, 0)));
      }
      return super.execute(h, parameterValues, maxRowsInFirstFrame);
    } catch (RuntimeException e) {
      throw translated(e);
    }
  }

  @Override
  public ExecuteBatchResult executeBatch(StatementHandle h, List<List<TypedValue>> parameterValueLists)
      throws NoSuchStatementException {
    try {
      Signature signature = getConnection().server.getStatement(h).getSignature();
      Optional<InsertTemplate> insert = signature == null ? Optional.empty() : insertTemplate(signature.sql);
      if (insert.isEmpty()) {
        return super.executeBatch(h, parameterValueLists);
      }
      List<List<Object>> rows = new ArrayList<>(parameterValueLists.size());
      for (List<TypedValue> values : parameterValueLists) {
        List<Object> row = new ArrayList<>(values.size());
        values.forEach(v -> row.add(v == null ? null : v.toLocal()));
        rows.add(row);
      }
      try {
        insert.get().write(rows);
      } catch (RowsRefusedException e) {
        throw FailedBatch.refusedRows(e, rows.size(), sqlStates.apply(e));
      }
      long[] counts = new long[parameterValueLists.size()];
      Arrays.fill(counts, 1);
      return new ExecuteBatchResult(counts);
    } catch (FailedBatch e) {
      throw e;
    } catch (RuntimeException e) {
      throw translated(e);
    }
  }

  @Override
  public Frame fetch(StatementHandle h, long offset, int fetchMaxRowCount) throws NoSuchStatementException {
    try {
      return super.fetch(h, offset, fetchMaxRowCount);
    } catch (RuntimeException e) {
      throw translated(e);
    }
  }

  /**
   * Rows of a result set. Calcite's embedded result set lets a RuntimeException raised while
   * computing a row (a function's bad argument, an engine error) escape ResultSet.next()
   * unchecked; the rows here turn it into the SQLException that next() declares.
   */
  @Override
  public Iterable<Object> createIterable(StatementHandle handle, QueryState state, Signature signature,
      List<TypedValue> parameterValues, Frame firstFrame) {
    // Avatica passes no values for a plain Statement; one run through a cached plan has its literals.
    List<TypedValue> values = parameterValues.isEmpty()
        ? literalValues.getOrDefault(handle.id, parameterValues) : parameterValues;
    Iterable<Object> rows = super.createIterable(handle, state, signature, values, firstFrame);
    return () -> new SqlExceptionIterator(rows.iterator(), this::sqlException);
  }

  private SQLException sqlException(RuntimeException e) {
    return new SQLException(message(e), sqlStates.apply(e), e);
  }

  private Optional<InsertTemplate> insertTemplate(String sql) {
    Database db = EdgeSchemas.database(getConnection().getRootSchema());
    if (db == null || sql == null || !sql.stripLeading().regionMatches(true, 0, "INSERT", 0, 6)) {
      return Optional.empty();
    }
    try {
      SqlNode statement = EdgeParserFactory.parse(db, sql, EdgeSchemas.FUNCTIONS);
      EdgeSchemas.access(getConnection().getRootSchema()).check(statement);
      return InsertTemplate.of(db, statement, EdgeSchemas.writeSource(getConnection().getRootSchema()));
    } catch (SqlParseException e) {
      // Calcite's own path reports the syntax error with the full context.
      return Optional.empty();
    }
  }

  /** The error as Avatica's carrier of a SQLSTATE, with the message of the cause that says most. */
  private AvaticaClientRuntimeException translated(RuntimeException e) {
    if (e instanceof AvaticaClientRuntimeException carrier) {
      return carrier;
    }
    StringWriter trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    return new AvaticaClientRuntimeException(message(e), 0, sqlStates.apply(e), AvaticaSeverity.ERROR,
        List.of(trace.toString()), null);
  }

  private static String message(Throwable e) {
    Throwable deepest = e;
    while (deepest.getCause() != null && deepest.getCause() != deepest) {
      deepest = deepest.getCause();
    }
    String top = String.valueOf(e.getMessage());
    String root = String.valueOf(deepest.getMessage());
    return top.contains(root) ? top : top + ": " + root;
  }
}
