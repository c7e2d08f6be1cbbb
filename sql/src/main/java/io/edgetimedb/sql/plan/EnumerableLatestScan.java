package io.edgetimedb.sql.plan;

import io.edgetimedb.sql.table.RowsReader;
import io.edgetimedb.sql.table.LatestReader;
import io.edgetimedb.sql.table.MeasurementTable;
import io.edgetimedb.sql.table.ScanSpec;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;

/**
 * A scan that feeds only {@code last(field, ts)} aggregates: one row per series and field, read
 * from the last values the engine keeps on its write path (see {@link LatestReader}).
 */
final class EnumerableLatestScan extends EnumerableKeptValuesScan {
  private final List<Integer> lastFields;

  private EnumerableLatestScan(RelOptCluster cluster, RelTraitSet traits, RelOptTable table,
      MeasurementTable measurement, ScanSpec spec, List<Integer> lastFields) {
    super(cluster, traits, table, measurement, spec);
    this.lastFields = List.copyOf(lastFields);
  }

  /** Replaces a scan by one that yields only the newest row of each of the given field outputs. */
  static EnumerableLatestScan of(EdgeTableScan scan, List<Integer> lastFields) {
    RelTraitSet traits = ScanTraits.of(scan.getCluster(), EnumerableConvention.INSTANCE, scan.spec());
    return new EnumerableLatestScan(scan.getCluster(), traits, scan.getTable(), scan.measurement(), scan.spec(),
        lastFields);
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new EnumerableLatestScan(getCluster(), traitSet, table, measurement, spec, lastFields);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return ScanTraits.explain(super.explainTerms(pw), spec).item("latestOf", ScanTraits.names(spec, lastFields));
  }

  @Override
  RowsReader reader() {
    return new LatestReader(measurement.database(), spec, lastFields);
  }

  @Override
  int rowsPerSeries() {
    return lastFields.size();
  }
}
