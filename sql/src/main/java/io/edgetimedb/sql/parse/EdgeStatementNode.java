package io.edgetimedb.sql.parse;

import io.edgetimedb.grammar.ast.EdgeStatement;
import java.util.List;
import org.apache.calcite.sql.SqlDdl;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;

/**
 * A statement of the EdgeTimeDB grammar that changes something (CREATE or DROP MEASUREMENT, SET),
 * carried through Calcite as DDL so that Calcite hands it to the DDL executor rather than the
 * planner. Works the same embedded and over Avatica.
 */
public final class EdgeStatementNode extends SqlDdl {
  private final EdgeStatement statement;
  private final String sql;

  EdgeStatementNode(EdgeStatement statement, String sql) {
    super(DDL_OPERATOR, SqlParserPos.ZERO);
    this.statement = statement;
    this.sql = sql;
  }

  public EdgeStatement statement() {
    return statement;
  }

  @Override
  public List<SqlNode> getOperandList() {
    return List.of();
  }

  @Override
  public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.literal(sql);
  }
}
