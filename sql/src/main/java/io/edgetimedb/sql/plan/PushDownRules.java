package io.edgetimedb.sql.plan;

import java.util.List;
import org.apache.calcite.plan.RelOptRule;

/**
 * The rules that grow an {@link EdgeTableScan}, answer last() and the newest row per series from
 * the engine's last values, turn DELETE over it into one engine call and make it executable; the
 * scan registers them with the planner.
 */
final class PushDownRules {
  static final List<RelOptRule> ALL =
      List.of(FilterIntoScanRule.INSTANCE, ProjectIntoScanRule.INSTANCE, SortIntoScanRule.INSTANCE,
          LastValueRule.INSTANCE, NewestRowPerGroupRule.INSTANCE, DeleteRule.INSTANCE, EnumerableEdgeScanRule.INSTANCE);

  private PushDownRules() {}
}
