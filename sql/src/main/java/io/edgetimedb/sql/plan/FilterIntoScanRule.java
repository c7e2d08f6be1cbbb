package io.edgetimedb.sql.plan;

import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rex.RexUtil;

/**
 * Pushes time ranges and tag predicates of a Filter into the scan below it; what the engine
 * cannot do stays in a Filter above. Not below a LIMIT: filtering after it is not the same.
 */
final class FilterIntoScanRule extends RelRule<RuleConfig> {
  static final FilterIntoScanRule INSTANCE = (FilterIntoScanRule) new RuleConfig("FilterIntoScanRule",
      b -> b.operand(LogicalFilter.class).oneInput(
          s -> s.operand(EdgeTableScan.class).predicate(scan -> !scan.spec().isLimited()).noInputs()),
      FilterIntoScanRule::new).toRule();

  private FilterIntoScanRule(RuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalFilter filter = call.rel(0);
    EdgeTableScan scan = call.rel(1);
    FilterTranslation t = FilterTranslation.of(scan.spec(), filter.getCluster().getRexBuilder(), filter.getCondition());
    if (!t.pushedAnything()) {
      return;
    }
    RelNode pushed = scan.with(scan.spec().withFilter(t.time, t.tagFilter()));
    if (!t.residual.isEmpty()) {
      pushed = filter.copy(filter.getTraitSet(), pushed,
          RexUtil.composeConjunction(filter.getCluster().getRexBuilder(), t.residual));
    }
    call.transformTo(pushed);
  }
}
