package io.edgetimedb.sql.plan;

import io.edgetimedb.sql.predicate.Operand;
import io.edgetimedb.sql.table.ScanSpec;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.core.Sort;

/**
 * Pushes LIMIT, and ORDER BY ts [DESC] with a LIMIT ("the latest n"), into the scan: the engine
 * reads at most n rows per series from the right end and the scan merges them. ORDER BY ts
 * without a LIMIT stays a sort: merging every row of every series would hold them all. With an
 * OFFSET m (paging), the scan yields the first m + n rows in order and a LIMIT above it skips m,
 * instead of a sort of every row.
 */
final class SortIntoScanRule extends RelRule<RuleConfig> {
  static final SortIntoScanRule INSTANCE = (SortIntoScanRule) new RuleConfig("SortIntoScanRule",
      b -> b.operand(Sort.class).predicate(sort -> sort.fetch != null).oneInput(
          s -> s.operand(EdgeTableScan.class).predicate(scan -> !scan.spec().isLimited()).noInputs()),
      SortIntoScanRule::new).toRule();

  private SortIntoScanRule(RuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    Sort sort = call.rel(0);
    EdgeTableScan scan = call.rel(1);
    Operand limit = FilterTranslation.operand(sort.fetch);
    ScanSpec.Order order = order(sort, scan.spec());
    if (limit == null || order == null) {
      return;
    }
    if (sort.offset == null) {
      call.transformTo(scan.with(scan.spec().withOrderAndLimit(order, limit)));
      return;
    }
    Operand offset = FilterTranslation.operand(sort.offset);
    if (offset == null) {
      return;
    }
    EdgeTableScan firstRows = scan.with(scan.spec().withOrderAndLimit(order, Operand.Sum.of(offset, limit)));
    call.transformTo(sort.copy(sort.getTraitSet(), firstRows, sort.getCollation(), sort.offset, sort.fetch));
  }

  /** The order the sort asks for, if the scan can produce it, else null. */
  private static ScanSpec.Order order(Sort sort, ScanSpec spec) {
    var fields = sort.getCollation().getFieldCollations();
    if (fields.isEmpty()) {
      return ScanSpec.Order.SERIES;
    }
    RelFieldCollation first = fields.get(0);
    if (fields.size() != 1 || first.getFieldIndex() != spec.timeOutput()) {
      return null;
    }
    return first.getDirection() == RelFieldCollation.Direction.DESCENDING
        ? ScanSpec.Order.DESCENDING : ScanSpec.Order.ASCENDING;
  }
}
