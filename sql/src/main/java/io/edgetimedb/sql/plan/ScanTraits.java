package io.edgetimedb.sql.plan;

import io.edgetimedb.sql.table.RowsReader;
import io.edgetimedb.sql.table.ScanSpec;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableRelImplementor;
import org.apache.calcite.adapter.enumerable.JavaRowFormat;
import org.apache.calcite.adapter.enumerable.PhysType;
import org.apache.calcite.adapter.enumerable.PhysTypeImpl;
import org.apache.calcite.linq4j.tree.Blocks;
import org.apache.calcite.linq4j.tree.Expression;
import org.apache.calcite.linq4j.tree.Expressions;
import org.apache.calcite.plan.Convention;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelTraitSet;
import org.apache.calcite.rel.RelCollation;
import org.apache.calcite.rel.RelCollationTraitDef;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelWriter;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;

/** What the logical and the executable scan of a spec share: traits, row type, EXPLAIN terms. */
final class ScanTraits {
  private ScanTraits() {}

  /** The convention plus the collation the spec's order gives (none for series order). */
  static RelTraitSet of(RelOptCluster cluster, Convention convention, ScanSpec spec) {
    RelTraitSet traits = cluster.traitSetOf(convention);
    int ts = spec.timeOutput();
    if (spec.order() == ScanSpec.Order.SERIES || ts < 0) {
      return traits;
    }
    RelFieldCollation.Direction direction = spec.order() == ScanSpec.Order.ASCENDING
        ? RelFieldCollation.Direction.ASCENDING : RelFieldCollation.Direction.DESCENDING;
    RelCollation collation = RelCollations.of(new RelFieldCollation(ts, direction));
    return traits.replaceIf(RelCollationTraitDef.INSTANCE, () -> collation);
  }

  /** The table's columns the spec projects, in its order. */
  static RelDataType rowType(RelOptCluster cluster, RelOptTable table, ScanSpec spec) {
    RelDataType full = table.getRowType();
    RelDataTypeFactory.Builder builder = cluster.getTypeFactory().builder();
    for (int column : spec.projection()) {
      builder.add(full.getFieldList().get(column));
    }
    return builder.build();
  }

  /**
   * The code of an executable scan: the reader's rows, read when the statement runs. One column
   * comes unwrapped (Calcite's format for it), because operators above a scan re-derive the
   * format from the row type and expect it so.
   */
  static EnumerableRel.Result implement(EnumerableRelImplementor implementor, RelDataType rowType,
      RowsReader reader) {
    PhysType physType = PhysTypeImpl.of(implementor.getTypeFactory(), rowType, JavaRowFormat.ARRAY);
    Expression stashed = implementor.stash(reader, RowsReader.class);
    String method = physType.getFormat() == JavaRowFormat.SCALAR ? "firstColumn" : "rows";
    Expression rows = Expressions.call(stashed, method, implementor.getRootExpression());
    return implementor.result(physType, Blocks.toBlock(rows));
  }

  /** The names of the given output columns, for EXPLAIN. */
  static List<String> names(ScanSpec spec, List<Integer> outputs) {
    List<String> names = new ArrayList<>();
    for (int output : outputs) {
      names.add(spec.output(output).name());
    }
    return names;
  }

  /** EXPLAIN shows what the engine does: the columns, the filter, the order and the limit. */
  static RelWriter explain(RelWriter pw, ScanSpec spec) {
    return pw.item("columns", spec.outputNames())
        .itemIf("filter", spec.filterString(), spec.filterString() != null)
        .itemIf("order", spec.order() == ScanSpec.Order.ASCENDING ? "ts" : "ts DESC",
            spec.order() != ScanSpec.Order.SERIES)
        .itemIf("limit", spec.limit(), spec.limit() != null);
  }
}
