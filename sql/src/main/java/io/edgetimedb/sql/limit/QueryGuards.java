package io.edgetimedb.sql.limit;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.adapter.enumerable.EnumerableHashJoin;
import org.apache.calcite.adapter.enumerable.EnumerableIntersect;
import org.apache.calcite.adapter.enumerable.EnumerableMinus;
import org.apache.calcite.adapter.enumerable.EnumerableNestedLoopJoin;
import org.apache.calcite.adapter.enumerable.EnumerableRel;
import org.apache.calcite.adapter.enumerable.EnumerableSort;
import org.apache.calcite.adapter.enumerable.EnumerableUnion;
import org.apache.calcite.adapter.enumerable.EnumerableWindow;
import org.apache.calcite.rel.RelNode;

/**
 * Puts guards into an executable plan so that no query runs on unchecked: above every scan (a long
 * scan sees a cancel), above the result (rows a client pulls one by one), above every join (a
 * cross join makes rows without touching its inputs for long), and, counted, above the inputs that
 * operators hold whole: a sort's input, the inner (build) side of a hash join, a window's input
 * and the inputs of set operations without ALL. A nested-loop join reads its inner side again for
 * each outer row instead of holding it; aggregates hold one row per group: neither is counted. Only Calcite's enumerable operators are rewritten; a plan of any other convention
 * is left as it is.
 */
public final class QueryGuards {
  private QueryGuards() {}

  /** Pauses queries made to give way to ingestion since the JVM started. */
  public static long pausesForIngestion() {
    return QueryRun.pauses();
  }

  /** The plan with its guards. */
  public static RelNode insert(RelNode plan) {
    if (!(plan instanceof EnumerableRel)) {
      return plan;
    }
    return new EnumerableQueryGuard(guardInputs(plan), false);
  }

  private static RelNode guardInputs(RelNode rel) {
    List<RelNode> inputs = rel.getInputs();
    if (inputs.isEmpty()) {
      return rel;
    }
    List<RelNode> guarded = new ArrayList<>(inputs.size());
    for (int i = 0; i < inputs.size(); i++) {
      RelNode input = inputs.get(i);
      if (!(input instanceof EnumerableRel)) {
        guarded.add(input);
        continue;
      }
      RelNode checked = guardInputs(input);
      boolean held = holdsInput(rel, i);
      if (held || checked.getInputs().isEmpty() || isJoin(checked)) {
        checked = new EnumerableQueryGuard(checked, held);
      }
      guarded.add(checked);
    }
    return rel.copy(rel.getTraitSet(), guarded);
  }

  /** Whether {@code rel} keeps all the rows of its input {@code i} before it returns any row. */
  private static boolean holdsInput(RelNode rel, int i) {
    if (rel instanceof EnumerableSort || rel instanceof EnumerableWindow) {
      return true;
    }
    if (rel instanceof EnumerableHashJoin) {
      return i == 1;
    }
    if (rel instanceof EnumerableUnion union) {
      return !union.all;
    }
    return rel instanceof EnumerableMinus || rel instanceof EnumerableIntersect;
  }

  private static boolean isJoin(RelNode rel) {
    return rel instanceof EnumerableHashJoin || rel instanceof EnumerableNestedLoopJoin;
  }
}
