package io.edgetimedb.sql.plan;

import java.util.List;
import org.apache.calcite.plan.RelOptRule;

/** The rules that grow an {@link EdgeTableScan} (and turn DELETE over it into one engine call); the scan registers them. */
final class PushDownRules {
  static final List<RelOptRule> ALL =
      List.of(FilterIntoScanRule.INSTANCE, ProjectIntoScanRule.INSTANCE, SortIntoScanRule.INSTANCE, DeleteRule.FILTERED,
          DeleteRule.PROJECTED, DeleteRule.ALL);

  private PushDownRules() {}
}
