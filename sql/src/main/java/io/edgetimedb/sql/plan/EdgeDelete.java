package io.edgetimedb.sql.plan;

import io.edgetimedb.sql.table.MeasurementDeleter;
import io.edgetimedb.sql.table.MeasurementTable;
import io.edgetimedb.sql.table.ScanSpec;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableConvention;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptCost;
import org.apache.calcite.plan.RelOptPlanner;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.AbstractRelNode;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.sql.SqlKind;

/**
 * DELETE of a time range from the series a tag condition selects, done by the engine in one
 * call instead of reading the rows and removing them one by one.
 */
final class EdgeDelete extends AbstractRelNode implements EnumerableRel {
  private final MeasurementTable measurement;
  private final ScanSpec spec;

  EdgeDelete(RelOptCluster cluster, MeasurementTable measurement, ScanSpec spec) {
    super(cluster, cluster.traitSetOf(EnumerableConvention.INSTANCE));
    this.measurement = measurement;
    this.spec = spec;
  }

  @Override
  protected RelDataType deriveRowType() {
    return RelOptUtil.createDmlRowType(SqlKind.DELETE, getCluster().getTypeFactory());
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).item("measurement", spec.columns().measurement())
        .itemIf("filter", spec.filterString(), spec.filterString() != null);
  }

  @Override
  public RelOptCost computeSelfCost(RelOptPlanner planner, RelMetadataQuery mq) {
    return planner.getCostFactory().makeTinyCost();
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), getRowType(), JavaRowFormat.SCALAR);
    Expression deleter = implementor.stash(new MeasurementDeleter(measurement.database(), spec),
        MeasurementDeleter.class);
    return implementor.result(physType,
        Blocks.toBlock(Expressions.call(deleter, "delete", implementor.getRootExpression())));
  }

  /** Has no inputs: the condition lives in the spec. */
  @Override
  public List<RelNode> getInputs() {
    return List.of();
  }
}
