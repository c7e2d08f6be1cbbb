package io.edgetimedb.sql;

import io.edgetimedb.engine.Database;
import io.edgetimedb.sql.access.Access;
import io.edgetimedb.sql.access.Role;
import io.edgetimedb.sql.ddl.SchemaStatements;
import io.edgetimedb.sql.parse.EdgeParserFactory;
import io.edgetimedb.grammar.ast.SetSetting;
import io.edgetimedb.sql.limit.QueryGuards;
import io.edgetimedb.sql.parse.EdgeStatementNode;
import io.edgetimedb.sql.settings.SettingStatements;
import java.lang.reflect.Type;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.jdbc.CalcitePrepare;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.prepare.CalciteCatalogReader;
import org.apache.calcite.prepare.CalcitePrepareImpl;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;

/**
 * Calcite's statement preparation with EdgeTimeDB's parser, schema statements and SET, the
 * connection's role checked against each statement, and guards in every executable plan ({@link
 * QueryGuards}: cancel, timeouts, rows held). Calcite makes one instance per statement; it
 * remembers the statement's context because the parser needs the database (for stored names) and
 * the connection's {@link Access}, and Calcite's parser hook does not pass them.
 */
public final class EdgePrepare extends CalcitePrepareImpl {
  private Database db;
  private Access access;

  @Override
  public <T> CalciteSignature<T> prepareSql(Context context, Query<T> query, Type elementType, long maxRowCount) {
    db = EdgeSchemas.database(context.getRootSchema().plus());
    access = EdgeSchemas.access(context.getRootSchema().plus());
    return super.prepareSql(context, query, elementType, maxRowCount);
  }

  /**
   * EdgeTimeDB's parser; for a connection below admin the statement is parsed once more first, with
   * the very configuration Calcite parses it with, and refused unless the role permits it (Calcite's
   * preparation has no hook between parsing and running DDL). A statement that does not parse is
   * left to Calcite, which reports the same syntax error.
   *
   * @throws io.edgetimedb.sql.access.AccessDeniedException when the role does not permit the statement
   */
  @Override
  protected SqlParser createParser(String sql, SqlParser.Config config) {
    if (db == null) {
      return super.createParser(sql, config);
    }
    SqlParser.Config ours = config.withParserFactory(new EdgeParserFactory(config, db, EdgeSchemas.FUNCTIONS));
    if (access != null && access.role() != Role.ADMIN) {
      try {
        access.check(SqlParser.create(sql, ours).parseStmt());
      } catch (SqlParseException e) {
        // reported by Calcite's own parse below
      }
    }
    return SqlParser.create(sql, ours);
  }

  @Override
  public void executeDdl(CalcitePrepare.Context context, SqlNode node) {
    if (node instanceof EdgeStatementNode statement) {
      SchemaPlus root = context.getRootSchema().plus();
      if (statement.statement() instanceof SetSetting set) {
        SettingStatements.execute(EdgeSchemas.database(root), set, EdgeSchemas.user(root));
      } else {
        SchemaStatements.execute(EdgeSchemas.database(root), statement.statement());
      }
    } else {
      super.executeDdl(context, node);
    }
  }

  /** Calcite's, built as Calcite builds it (enumerable convention), but implementing guarded plans. */
  @Override
  protected CalcitePreparingStmt getPreparingStmt(Context context, Type elementType, CalciteCatalogReader catalogReader,
      RelOptPlanner planner) {
    EnumerableRel.Prefer prefer = elementType == Object[].class ? EnumerableRel.Prefer.ARRAY
        : EnumerableRel.Prefer.CUSTOM;
    return new CalcitePreparingStmt(this, context, catalogReader, context.getTypeFactory(), context.getRootSchema(),
        prefer, createCluster(planner, new RexBuilder(context.getTypeFactory())), EnumerableConvention.INSTANCE,
        createConvertletTable()) {
      @Override
      protected PreparedResult implement(RelRoot root) {
        return super.implement(root.withRel(QueryGuards.insert(root.rel)));
      }
    };
  }
}
