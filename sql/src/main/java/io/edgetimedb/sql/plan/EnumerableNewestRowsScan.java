package io.edgetimedb.sql.plan;

import io.edgetimedb.sql.table.RowsReader;
import io.edgetimedb.sql.table.MeasurementTable;
import io.edgetimedb.sql.table.NewestRowsReader;
import io.edgetimedb.sql.table.ScanSpec;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;

/**
 * A scan that yields only the newest (or oldest) row of each group of series, the rows a
 * {@code ROW_NUMBER() OVER (PARTITION BY tags ORDER BY ts DESC) = 1} keeps (see {@link
 * NewestRowsReader}).
 */
final class EnumerableNewestRowsScan extends EnumerableKeptValuesScan {
  private final List<Integer> partitionOutputs;
  private final boolean newest;

  private EnumerableNewestRowsScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table,
      MeasurementTable measurement, ScanSpec spec, List<Integer> partitionOutputs, boolean newest) {
    super(cluster, traits, table, measurement, spec);
    this.partitionOutputs = List.copyOf(partitionOutputs);
    this.newest = newest;
  }

  /** Replaces a scan by one that yields the newest (oldest) row per group of the given tag outputs. */
  static EnumerableNewestRowsScan of(EdgeTableScan scan, List<Integer> partitionOutputs, boolean newest) {
    RelTraitSet traits = ScanTraits.of(scan.getCluster(), EnumerableConvention.INSTANCE, scan.spec());
    return new EnumerableNewestRowsScan(scan.getCluster(), traits, scan.getTable(), scan.measurement(), scan.spec(),
        partitionOutputs, newest);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new EnumerableNewestRowsScan(getCluster(), traitSet, table, measurement, spec, partitionOutputs, newest);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return ScanTraits.explain(super.explainTerms(pw), spec)
        .item(newest ? "newestRowPer" : "oldestRowPer", ScanTraits.names(spec, partitionOutputs));
  }

  @Override
  RowsReader reader() {
    return new NewestRowsReader(measurement.database(), spec, partitionOutputs, newest);
  }

  @Override
  int rowsPerSeries() {
    return 1;
  }
}
