package io.edgetimedb.sql.plan;

import io.edgetimedb.sql.table.MeasurementTable;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.logical.LogicalTableModify;

/**
 * Turns DELETE over a scan that absorbed the whole WHERE (time ranges and tag conditions) into
 * an {@link EdgeDelete}. When a condition is left over, the DELETE's input is a Filter, not a
 * scan, and the rule does not match: Calcite's plan then reaches the measurement's writer, which
 * refuses it with an explanation (see PointWriter#removeAll).
 */
final class DeleteRule extends RelRule<RuleConfig> {
  static final DeleteRule INSTANCE = (DeleteRule) new RuleConfig("DeleteRule",
      b -> b.operand(LogicalTableModify.class).predicate(m -> m.getOperation() == TableModify.Operation.DELETE)
          .oneInput(s -> s.operand(EdgeTableScan.class).predicate(scan -> !scan.spec().isLimited()).noInputs()),
      DeleteRule::new).toRule();

  private DeleteRule(RuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalTableModify modify = call.rel(0);
    EdgeTableScan scan = call.rel(1);
    MeasurementTable table = modify.getTable().unwrap(MeasurementTable.class);
    if (table != null) {
      call.transformTo(new EdgeDelete(modify.getCluster(), table, scan.spec()));
    }
  }
}
