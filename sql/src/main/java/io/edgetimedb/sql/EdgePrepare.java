package io.edgetimedb.sql;

import io.edgetimedb.engine.Database;
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
import org.apache.calcite.sql.parser.SqlParser;

/**
 * Calcite's statement preparation with EdgeTimeDB's parser, schema statements and SET, and with
 * guards in every executable plan ({@link QueryGuards}: cancel, timeouts, rows held). Calcite makes
 * one instance per statement; it remembers the statement's context because the parser needs the
 * database (for stored names) and Calcite's parser hook does not pass it.
 */
public final class EdgePrepare extends CalcitePrepareImpl {
  private Database db;

  @Override
  public <T> CalciteSignature<T> prepareSql(Context context, Query<T> query, Type elementType, long maxRowCount) {
    db = EdgeSchemas.database(context.getRootSchema().plus());
    return super.prepareSql(context, query, elementType, maxRowCount);
  }

  @Override
  protected SqlParser createParser(String sql, SqlParser.Config config) {
    if (db == null) {
      return super.createParser(sql, config);
    }
    return SqlParser.create(sql, config.withParserFactory(new EdgeParserFactory(config, db, EdgeSchemas.FUNCTIONS)));
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
