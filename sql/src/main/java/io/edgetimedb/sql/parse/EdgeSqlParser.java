package io.edgetimedb.sql.parse;

import io.edgetimedb.grammar.StatementParser;
import io.edgetimedb.grammar.StatementSyntaxException;
import io.edgetimedb.grammar.ast.EdgeStatement;
import java.io.StringReader;
import java.util.Optional;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;

/**
 * The parser of one statement. The EdgeTimeDB grammar sees it first: CREATE and DROP
 * MEASUREMENT and SET become {@link EdgeStatementNode} DDL, SHOW statements become queries over the
 * {@code sys} tables. Everything else is parsed by Calcite's Babel parser, whose non-reserved
 * keywords let {@code value} and {@code count} be plain column names ({@link NaturalNames}
 * covers time, timestamp, first and last); its unquoted identifiers are then mapped to stored
 * names ({@link IdentifierFolding}), the time-ordered aggregates expanded ({@link
 * TimeOrderedAggregates}) and {@code now()} read as CURRENT_TIMESTAMP ({@link NowFunction}).
 */
final class EdgeSqlParser extends SqlBabelParserImpl {
  private final String sql;
  private final SqlParser.Config config;
  private final StoredNames names;

  EdgeSqlParser(String sql, SqlParser.Config config, StoredNames names) {
    super(new StringReader(NaturalNames.quote(sql)));
    setOriginalSql(sql);
    this.sql = sql;
    this.config = config;
    this.names = names;
  }

  @Override
  public SqlNode parseSqlStmtEof() throws Exception {
    Optional<EdgeStatement> ours = ours();
    if (ours.isPresent()) {
      Optional<String> show = new ShowQueries(names::name).sql(ours.get());
      return show.isPresent() ? SqlParser.create(show.get(), config).parseStmt()
          : new EdgeStatementNode(ours.get(), sql);
    }
    SqlNode node = super.parseSqlStmtEof();
    IdentifierFolding.apply(node, names);
    return NowFunction.apply(TimeOrderedAggregates.apply(node, config));
  }

  private Optional<EdgeStatement> ours() throws SqlParseException {
    try {
      return StatementParser.parse(sql);
    } catch (StatementSyntaxException e) {
      int length = Math.max(1, e.getOffendingToken().length());
      SqlParserPos pos = new SqlParserPos(e.getLine(), e.getColumn(), e.getLine(), e.getColumn() + length - 1);
      throw new SqlParseException(e.getMessage(), pos, null, null, e);
    }
  }
}
