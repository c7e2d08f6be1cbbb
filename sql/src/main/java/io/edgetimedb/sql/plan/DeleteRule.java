package io.edgetimedb.sql.plan;

import io.edgetimedb.sql.table.MeasurementTable;
import io.edgetimedb.sql.table.ScanSpec;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.logical.LogicalTableModify;

/**
 * Turns DELETE whose whole WHERE is time ranges and tag conditions into an {@link EdgeDelete}.
 * It translates the Filter itself rather than waiting for the filtered scan: that scan lands in
 * the ENUMERABLE subset of the Filter's set, which the DELETE's NONE input subset never lists.
 * A DELETE with any other condition is left to Calcite, whose plan the measurement refuses
 * with an explanation (see PointWriter#removeAll).
 */
final class DeleteRule extends RelRule<RuleConfig> {
  /** DELETE ... WHERE condition. */
  static final DeleteRule FILTERED = (DeleteRule) new RuleConfig("DeleteRule(filtered)",
      b -> b.operand(LogicalTableModify.class).predicate(DeleteRule::isDelete).oneInput(
          f -> f.operand(LogicalFilter.class).oneInput(s -> s.operand(EdgeTableScan.class).noInputs())),
      DeleteRule::new).toRule();
  /** DELETE over the Project of the table's columns that Calcite may leave in place. */
  static final DeleteRule PROJECTED = (DeleteRule) new RuleConfig("DeleteRule(projected)",
      b -> b.operand(LogicalTableModify.class).predicate(DeleteRule::isDelete).oneInput(
          p -> p.operand(LogicalProject.class).oneInput(s -> s.operand(EdgeTableScan.class).noInputs())),
      DeleteRule::new).toRule();
  /** DELETE straight over the scan. */
  static final DeleteRule ALL = (DeleteRule) new RuleConfig("DeleteRule(all)",
      b -> b.operand(LogicalTableModify.class).predicate(DeleteRule::isDelete).oneInput(
          s -> s.operand(EdgeTableScan.class).noInputs()),
      DeleteRule::new).toRule();

  private DeleteRule(RuleConfig config) {
    super(config);
  }

  private static boolean isDelete(LogicalTableModify modify) {
    return modify.getOperation() == TableModify.Operation.DELETE;
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalTableModify modify = call.rel(0);
    EdgeTableScan scan = call.rel(call.getRelList().size() - 1);
    MeasurementTable table = modify.getTable().unwrap(MeasurementTable.class);
    if (table == null || scan.spec().isLimited()) {
      return;
    }
    ScanSpec spec = scan.spec();
    if (call.rel(1) instanceof LogicalFilter filter) {
      FilterTranslation t = FilterTranslation.of(spec, filter.getCluster().getRexBuilder(), filter.getCondition());
      if (!t.residual.isEmpty()) {
        return;
      }
      spec = spec.withFilter(t.time, t.tagFilter());
    }
    call.transformTo(new EdgeDelete(modify.getCluster(), table, spec));
  }
}
