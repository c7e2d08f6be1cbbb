package io.edgetimedb.sql.plan;

import io.edgetimedb.sql.predicate.Operand;
import java.math.BigDecimal;
import org.apache.calcite.DataContext;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.type.SqlTypeFamily;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Recognises a time bound relative to the statement's clock: {@code CURRENT_TIMESTAMP} or
 * {@code LOCALTIMESTAMP}, plus or minus day-time interval literals, under CASTs that keep
 * millisecond precision. Calcite leaves such expressions unevaluated (the clock is read when the
 * statement runs), so without this "the last five minutes" would read every row and filter.
 * Month and year intervals are not a fixed number of milliseconds and are not recognised.
 */
final class RelativeTime {
  private RelativeTime() {}

  /** The expression as an operand read at execution, or null when it is not of that form. */
  static Operand operand(RexNode node) {
    long offset = 0;
    RexNode current = node;
    while (current instanceof RexCall call) {
      if (call.getOperator() == SqlStdOperatorTable.CURRENT_TIMESTAMP) {
        return new Operand.CurrentTime(DataContext.Variable.CURRENT_TIMESTAMP, offset);
      }
      if (call.getOperator() == SqlStdOperatorTable.LOCALTIMESTAMP) {
        return new Operand.CurrentTime(DataContext.Variable.LOCAL_TIMESTAMP, offset);
      }
      if (call.getKind() == SqlKind.CAST && keepsMillis(call)) {
        current = call.getOperands().get(0);
        continue;
      }
      Long interval = intervalMillis(call);
      if (interval == null) {
        return null;
      }
      offset = Math.addExact(offset, interval);
      current = call.getKind() == SqlKind.PLUS && isInterval(call.getOperands().get(0))
          ? call.getOperands().get(1) : call.getOperands().get(0);
    }
    return null;
  }

  /** A CAST from one TIMESTAMP to another that holds at least milliseconds changes nothing. */
  private static boolean keepsMillis(RexCall cast) {
    RexNode from = cast.getOperands().get(0);
    return cast.getType().getSqlTypeName() == SqlTypeName.TIMESTAMP && cast.getType().getPrecision() >= 3
        && from.getType().getSqlTypeName() == SqlTypeName.TIMESTAMP;
  }

  /** The signed milliseconds a {@code time ± interval literal} call adds, or null for another call. */
  private static Long intervalMillis(RexCall call) {
    if (call.getOperands().size() != 2) {
      return null;
    }
    RexNode left = call.getOperands().get(0);
    RexNode right = call.getOperands().get(1);
    return switch (call.getKind()) {
      case PLUS -> isInterval(right) ? millis(right) : isInterval(left) ? millis(left) : null;
      case MINUS -> isInterval(right) ? negated(millis(right)) : null;
      default -> null;
    };
  }

  private static boolean isInterval(RexNode node) {
    return node instanceof RexLiteral literal && !literal.isNull()
        && literal.getType().getSqlTypeName().getFamily() == SqlTypeFamily.INTERVAL_DAY_TIME;
  }

  private static Long millis(RexNode interval) {
    return ((RexLiteral) interval).getValueAs(BigDecimal.class).longValueExact();
  }

  private static Long negated(Long millis) {
    return millis == null ? null : Math.negateExact(millis);
  }
}
