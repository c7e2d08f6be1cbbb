package io.edgetimedb.sql.limit;

import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.linq4j.tree.BlockBuilder;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.SingleRel;

/**
 * Passes its input's rows on unchanged, checking the query's run ({@link GuardedRows}): inserted
 * into every executable plan by {@link QueryGuards} above scans, the result and the inputs of
 * operators that hold rows. It has its input's traits (collation included), so no operator above
 * it sees a difference.
 */
final class EnumerableQueryGuard extends SingleRel implements EnumerableRel {
  private final boolean held;

  /** @param held the rows go into an operator that holds them, and count against the query's limit */
  EnumerableQueryGuard(RelNode input, boolean held) {
    super(input.getCluster(), input.getTraitSet(), input);
    this.held = held;
  }

  @Override
  public RelNode copy(RelTraitSet traitSet, List<RelNode> inputs) {
    return new EnumerableQueryGuard(sole(inputs), held);
  }

  @Override
  public RelWriter explainTerms(RelWriter pw) {
    return super.explainTerms(pw).itemIf("held", true, held);
  }

  @Override
  public Result implement(EnumerableRelImplementor implementor, Prefer pref) {
    BlockBuilder builder = new BlockBuilder();
    Result input = implementor.visitChild(this, 0, (EnumerableRel) getInput(), pref);
    Expression rows = builder.append("rows", input.block);
    builder.add(Expressions.return_(null, Expressions.call(GuardedRows.class, held ? "held" : "watched", rows,
        implementor.getRootExpression())));
    return implementor.result(input.physType, builder.toBlock());
  }
}
