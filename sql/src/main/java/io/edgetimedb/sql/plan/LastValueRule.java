package io.edgetimedb.sql.plan;

import io.edgetimedb.sql.table.ColumnKind;
import io.edgetimedb.sql.table.ScanSpec;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.sql.SqlKind;

/**
 * Answers {@code SELECT tag..., last(field, ts) FROM m [WHERE tag conditions] GROUP BY tag...}
 * from the last values the engine keeps per series instead of scanning every row: the scan under
 * the aggregate becomes an {@link EnumerableLatestScan}. Only when every aggregate is a
 * {@code last} (ARG_MAX of a field by {@code ts}), every group key is a tag and the scan has no
 * time range or limit, because only then do the newest rows decide the whole answer.
 */
final class LastValueRule extends RelRule<RuleConfig> {
  static final LastValueRule INSTANCE = (LastValueRule) new RuleConfig("LastValueRule",
      b -> b.operand(Aggregate.class).predicate(agg -> agg.getGroupType() == Aggregate.Group.SIMPLE).oneInput(
          s -> s.operand(EdgeTableScan.class)
              .predicate(scan -> scan.spec().time().isAll() && !scan.spec().isLimited()).noInputs()),
      LastValueRule::new).toRule();

  private LastValueRule(RuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    Aggregate aggregate = call.rel(0);
    EdgeTableScan scan = call.rel(1);
    List<Integer> lastFields = lastFields(aggregate, scan.spec());
    if (lastFields == null || !groupsByTagsOnly(aggregate, scan.spec())) {
      return;
    }
    call.transformTo(aggregate.copy(aggregate.getTraitSet(), List.of(EnumerableLatestScan.of(scan, lastFields))));
  }

  private static boolean groupsByTagsOnly(Aggregate aggregate, ScanSpec spec) {
    return aggregate.getGroupSet().asList().stream().allMatch(k -> spec.output(k).kind() == ColumnKind.TAG);
  }

  /** The distinct field outputs of the aggregate's last() calls, or null when another aggregate is there. */
  private static List<Integer> lastFields(Aggregate aggregate, ScanSpec spec) {
    List<Integer> fields = new ArrayList<>();
    for (AggregateCall agg : aggregate.getAggCallList()) {
      if (!isLastOfAField(agg, spec)) {
        return null;
      }
      int field = agg.getArgList().get(0);
      if (!fields.contains(field)) {
        fields.add(field);
      }
    }
    return fields.isEmpty() ? null : fields;
  }

  private static boolean isLastOfAField(AggregateCall agg, ScanSpec spec) {
    List<Integer> args = agg.getArgList();
    return agg.getAggregation().getKind() == SqlKind.ARG_MAX && !agg.isDistinct() && agg.filterArg < 0
        && args.size() == 2 && spec.output(args.get(0)).kind() == ColumnKind.FIELD
        && spec.output(args.get(1)).kind() == ColumnKind.TIME;
  }
}
