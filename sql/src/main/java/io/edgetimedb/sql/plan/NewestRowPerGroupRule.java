package io.edgetimedb.sql.plan;

import io.edgetimedb.sql.table.ColumnKind;
import io.edgetimedb.sql.table.ScanSpec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Window;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Answers "the newest row of each series" written the standard way, {@code SELECT ... FROM
 * (SELECT ..., ROW_NUMBER() OVER (PARTITION BY tag... ORDER BY ts DESC) AS rn FROM m) WHERE rn
 * = 1}, with an {@link EnumerableNewestRowsScan}: one row per series from the values the engine
 * keeps, instead of sorting every row of every series. {@code ORDER BY ts} (ascending) gives the
 * oldest row the same way. Matches only a window of exactly one ROW_NUMBER, partitioned by tags
 * alone and ordered by ts alone, under a filter that keeps row number 1; other conditions of
 * that filter stay above the new scan.
 */
final class NewestRowPerGroupRule extends RelRule<RuleConfig> {
  static final NewestRowPerGroupRule INSTANCE = (NewestRowPerGroupRule) new RuleConfig("NewestRowPerGroupRule",
      b -> b.operand(Filter.class).oneInput(w -> w.operand(Window.class)
          .predicate(window -> window.groups.size() == 1 && window.groups.get(0).aggCalls.size() == 1)
          .oneInput(s -> s.operand(EdgeTableScan.class)
              .predicate(scan -> !scan.spec().isLimited() && scan.spec().order() == ScanSpec.Order.SERIES)
              .noInputs())),
      NewestRowPerGroupRule::new).toRule();

  private NewestRowPerGroupRule(RuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    Filter filter = call.rel(0);
    Window window = call.rel(1);
    EdgeTableScan scan = call.rel(2);
    Window.Group group = window.groups.get(0);
    int rowNumber = window.getInput().getRowType().getFieldCount();
    Boolean newest = newestFirst(group, scan.spec());
    List<Integer> partition = group.keys.asList();
    List<RexNode> others = new ArrayList<>();
    if (group.aggCalls.get(0).getKind() != SqlKind.ROW_NUMBER || newest == null
        || !partition.stream().allMatch(k -> scan.spec().output(k).kind() == ColumnKind.TAG)
        || !keepsOnlyRowOne(filter.getCondition(), rowNumber, others)) {
      return;
    }
    RelNode rows = withRowNumberOne(EnumerableNewestRowsScan.of(scan, partition, newest), window, rowNumber);
    RexBuilder rex = filter.getCluster().getRexBuilder();
    call.transformTo(others.isEmpty() ? rows : LogicalFilter.create(rows, RexUtil.composeConjunction(rex, others)));
  }

  /** True for ORDER BY ts DESC, false for ORDER BY ts, null for any other order. */
  private static Boolean newestFirst(Window.Group group, ScanSpec spec) {
    List<RelFieldCollation> order = group.orderKeys.getFieldCollations();
    if (order.size() != 1 || order.get(0).getFieldIndex() != spec.timeOutput()) {
      return null;
    }
    return order.get(0).getDirection() == RelFieldCollation.Direction.DESCENDING;
  }

  /**
   * True when one conjunct keeps exactly row number 1 ({@code rn = 1}, {@code rn <= 1}, {@code
   * rn < 2}) and no other mentions the row number; the others are collected.
   */
  private static boolean keepsOnlyRowOne(RexNode condition, int rowNumber, List<RexNode> others) {
    boolean found = false;
    for (RexNode conjunct : RelOptUtil.conjunctions(condition)) {
      if (!found && isRowOne(conjunct, rowNumber)) {
        found = true;
      } else if (RelOptUtil.InputFinder.bits(conjunct).get(rowNumber)) {
        return false;
      } else {
        others.add(conjunct);
      }
    }
    return found;
  }

  private static boolean isRowOne(RexNode node, int rowNumber) {
    if (!(node instanceof RexCall call) || call.getOperands().size() != 2) {
      return false;
    }
    RexNode left = call.getOperands().get(0);
    RexNode right = call.getOperands().get(1);
    SqlKind kind = call.getKind();
    if (right instanceof RexInputRef) {
      RexNode swap = left;
      left = right;
      right = swap;
      kind = kind.reverse();
    }
    if (!(left instanceof RexInputRef ref) || ref.getIndex() != rowNumber || !(right instanceof RexLiteral literal)) {
      return false;
    }
    BigDecimal n = literal.getValueAs(BigDecimal.class);
    return n != null && switch (kind) {
      case EQUALS, LESS_THAN_OR_EQUAL -> n.compareTo(BigDecimal.ONE) == 0;
      case LESS_THAN -> n.compareTo(BigDecimal.valueOf(2)) == 0;
      default -> false;
    };
  }

  /** The window's row type over the new scan: its columns, then the row number, always 1. */
  private static RelNode withRowNumberOne(RelNode rows, Window window, int rowNumber) {
    RexBuilder rex = window.getCluster().getRexBuilder();
    List<RexNode> columns = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<RelDataTypeField> fields = window.getRowType().getFieldList();
    for (int i = 0; i < rowNumber; i++) {
      columns.add(rex.makeInputRef(rows, i));
      names.add(fields.get(i).getName());
    }
    columns.add(rex.makeExactLiteral(BigDecimal.ONE, fields.get(rowNumber).getType()));
    names.add(fields.get(rowNumber).getName());
    return LogicalProject.create(rows, List.of(), columns, names, Set.of());
  }
}
