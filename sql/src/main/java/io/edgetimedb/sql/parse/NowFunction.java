package io.edgetimedb.sql.parse;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * {@code now()}, the spelling time-series users bring from PostgreSQL, TimescaleDB and QuestDB,
 * as Calcite's {@code CURRENT_TIMESTAMP}: the statement's clock, read when it runs, so a bound
 * like {@code ts > now() - INTERVAL '5' MINUTE} is pushed into the scan like the standard one.
 */
final class NowFunction extends SqlShuttle {
  private static final NowFunction INSTANCE = new NowFunction();

  static SqlNode apply(SqlNode node) {
    return node.accept(INSTANCE);
  }

  @Override
  public SqlNode visit(SqlCall call) {
    if (call.getOperator() instanceof SqlUnresolvedFunction f && f.getName().equalsIgnoreCase("now")
        && call.operandCount() == 0) {
      return SqlStdOperatorTable.CURRENT_TIMESTAMP.createCall(call.getParserPosition());
    }
    return super.visit(call);
  }
}
