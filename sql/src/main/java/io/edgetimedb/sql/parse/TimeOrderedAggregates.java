package io.edgetimedb.sql.parse;

import java.util.Locale;
import java.util.Map;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * {@code first(value, ts)}, {@code last(value, ts)}, {@code delta(value, ts)} and {@code
 * rate(value, ts)} as rewrites into Calcite's own ARG_MIN and ARG_MAX. A user-defined aggregate
 * would receive timestamps as java.sql.Timestamp shifted by the JVM zone; the built-ins compare
 * the internal millis, so the results do not depend on the zone, and they work for every value
 * type. {@code rate} is the change per second between the first and the last row of the group
 * (no counter-reset handling); NULL when the group spans no time.
 */
final class TimeOrderedAggregates extends SqlShuttle {
  private static final String VALUE = "__V";
  private static final String TIME = "__T";
  private static final Map<String, String> TEMPLATES = Map.of(
      "first", "ARG_MIN(__v, __t)",
      "last", "ARG_MAX(__v, __t)",
      "delta", "ARG_MAX(__v, __t) - ARG_MIN(__v, __t)",
      "rate", "(ARG_MAX(__v, __t) - ARG_MIN(__v, __t)) / (CAST(NULLIF(TIMESTAMPDIFF(MICROSECOND, MIN(__t), MAX(__t)), 0)"
          + " AS DOUBLE) / 1000000)");

  private final SqlParser.Config config;

  private TimeOrderedAggregates(SqlParser.Config config) {
    this.config = config;
  }

  static SqlNode apply(SqlNode node, SqlParser.Config config) {
    return node.accept(new TimeOrderedAggregates(config));
  }

  @Override
  public SqlNode visit(SqlCall call) {
    SqlNode visited = super.visit(call);
    if (!(visited instanceof SqlCall rewritten) || !(rewritten.getOperator() instanceof SqlUnresolvedFunction f)) {
      return visited;
    }
    String template = TEMPLATES.get(f.getName().toLowerCase(Locale.ROOT));
    if (template == null || rewritten.operandCount() != 2) {
      return visited;
    }
    try {
      SqlNode expansion = SqlParser.create(template, config).parseExpression();
      return expansion.accept(new Placeholders(rewritten.operand(0), rewritten.operand(1)));
    } catch (SqlParseException e) {
      throw new IllegalStateException("template of " + f.getName() + " does not parse: " + template, e);
    }
  }

  /** Puts copies of the call's operands where the template has its placeholders. */
  private static final class Placeholders extends SqlShuttle {
    private final SqlNode value;
    private final SqlNode time;

    Placeholders(SqlNode value, SqlNode time) {
      this.value = value;
      this.time = time;
    }

    @Override
    public SqlNode visit(SqlIdentifier id) {
      if (id.isSimple() && id.getSimple().equalsIgnoreCase(VALUE)) {
        return value.clone(value.getParserPosition());
      }
      if (id.isSimple() && id.getSimple().equalsIgnoreCase(TIME)) {
        return time.clone(time.getParserPosition());
      }
      return id;
    }
  }
}
