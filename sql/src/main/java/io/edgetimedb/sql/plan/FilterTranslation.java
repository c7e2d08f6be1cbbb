package io.edgetimedb.sql.plan;

import io.edgetimedb.sql.predicate.Operand;
import io.edgetimedb.sql.predicate.TagFilter;
import io.edgetimedb.sql.predicate.TimeFilter;
import io.edgetimedb.sql.table.Column;
import io.edgetimedb.sql.table.ColumnKind;
import io.edgetimedb.sql.table.ScanSpec;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Splits a filter condition over a scan into what the engine can do (a time range and a tag
 * filter) and the rest, which stays in a Filter above the scan. Each conjunct is pushed whole
 * or not at all, so the result is exact.
 */
final class FilterTranslation {
  private final ScanSpec spec;
  private final RexBuilder rexBuilder;
  private final TagFilterTranslation tags;
  TimeFilter time = TimeFilter.ALL;
  final List<TagFilter> tagFilters = new ArrayList<>();
  final List<RexNode> residual = new ArrayList<>();

  private FilterTranslation(ScanSpec spec, RexBuilder rexBuilder) {
    this.spec = spec;
    this.rexBuilder = rexBuilder;
    this.tags = new TagFilterTranslation(spec);
  }

  static FilterTranslation of(ScanSpec spec, RexBuilder rexBuilder, RexNode condition) {
    FilterTranslation t = new FilterTranslation(spec, rexBuilder);
    for (RexNode conjunct : RelOptUtil.conjunctions(condition)) {
      t.add(conjunct);
    }
    return t;
  }

  boolean pushedAnything() {
    return !time.isAll() || !tagFilters.isEmpty();
  }

  TagFilter tagFilter() {
    return tagFilters.isEmpty() ? null : tagFilters.size() == 1 ? tagFilters.get(0) : new TagFilter.And(tagFilters);
  }

  private void add(RexNode conjunct) {
    TimeFilter range = timeRange(conjunct);
    if (range != null) {
      time = time.and(range);
      return;
    }
    TagFilter tag = tags.translate(conjunct);
    if (tag != null) {
      tagFilters.add(tag);
    } else {
      residual.add(conjunct);
    }
  }

  /** The conjunct as bounds on ts, or null when it is not a single range on ts. */
  private TimeFilter timeRange(RexNode conjunct) {
    RexNode expanded = RexUtil.expandSearch(rexBuilder, null, conjunct);
    TimeFilter range = TimeFilter.ALL;
    for (RexNode part : RelOptUtil.conjunctions(expanded)) {
      TimeFilter bound = timeBound(part);
      if (bound == null) {
        return null;
      }
      range = range.and(bound);
    }
    return range.isAll() ? null : range;
  }

  private TimeFilter timeBound(RexNode node) {
    if (!(node instanceof RexCall call) || call.getOperands().size() != 2) {
      return null;
    }
    RexNode left = call.getOperands().get(0);
    RexNode right = call.getOperands().get(1);
    SqlKind kind = call.getKind();
    if (!isTime(left)) {
      if (!isTime(right)) {
        return null;
      }
      kind = kind.reverse();
      RexNode swap = left;
      left = right;
      right = swap;
    }
    Operand value = operand(right);
    if (value == null) {
      value = RelativeTime.operand(right);
    }
    if (value == null) {
      return null;
    }
    return switch (kind) {
      case GREATER_THAN_OR_EQUAL, GREATER_THAN -> new TimeFilter(
          List.of(new TimeFilter.Bound(value, kind == SqlKind.GREATER_THAN_OR_EQUAL)), List.of());
      case LESS_THAN_OR_EQUAL, LESS_THAN -> new TimeFilter(
          List.of(), List.of(new TimeFilter.Bound(value, kind == SqlKind.LESS_THAN_OR_EQUAL)));
      case EQUALS -> new TimeFilter(List.of(new TimeFilter.Bound(value, true)), List.of(new TimeFilter.Bound(value, true)));
      default -> null;
    };
  }

  private boolean isTime(RexNode node) {
    if (!(node instanceof RexInputRef ref)) {
      return false;
    }
    Column column = spec.output(ref.getIndex());
    return column.kind() == ColumnKind.TIME;
  }

  /** A literal or parameter the engine can take, else null. */
  static Operand operand(RexNode node) {
    if (node instanceof RexDynamicParam param) {
      return new Operand.Parameter(param.getIndex());
    }
    if (node instanceof RexLiteral literal && !literal.isNull()) {
      Object value = literal.getValue2();
      return new Operand.Literal(value instanceof Integer i ? Long.valueOf(i) : value);
    }
    return null;
  }
}
