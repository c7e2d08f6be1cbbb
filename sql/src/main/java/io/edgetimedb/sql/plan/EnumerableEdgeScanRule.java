package io.edgetimedb.sql.plan;

import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.convert.ConverterRule;

/** Makes a grown {@link EdgeTableScan} executable as an {@link EnumerableEdgeScan}. */
final class EnumerableEdgeScanRule extends ConverterRule {
  static final EnumerableEdgeScanRule INSTANCE = Config.INSTANCE
      .withConversion(EdgeTableScan.class, Convention.NONE, EnumerableConvention.INSTANCE, "EnumerableEdgeScanRule")
      .withRuleFactory(EnumerableEdgeScanRule::new)
      .toRule(EnumerableEdgeScanRule.class);

  private EnumerableEdgeScanRule(Config config) {
    super(config);
  }

  @Override
  public RelNode convert(RelNode rel) {
    EdgeTableScan scan = (EdgeTableScan) rel;
    return new EnumerableEdgeScan(scan.getCluster(), scan.getTraitSet().replace(EnumerableConvention.INSTANCE),
        scan.getTable(), scan.measurement(), scan.spec());
  }
}
