package io.edgetimedb.sql.plan;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptRuleCall;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Narrows the scan to the columns a Project uses, so the engine decodes only those fields. A
 * Project of plain column references disappears; one with expressions stays, over the narrow
 * scan.
 */
final class ProjectIntoScanRule extends RelRule<RuleConfig> {
  static final ProjectIntoScanRule INSTANCE = (ProjectIntoScanRule) new RuleConfig("ProjectIntoScanRule",
      b -> b.operand(LogicalProject.class).oneInput(s -> s.operand(EdgeTableScan.class).noInputs()),
      ProjectIntoScanRule::new).toRule();

  private ProjectIntoScanRule(RuleConfig config) {
    super(config);
  }

  @Override
  public void onMatch(RelOptRuleCall call) {
    LogicalProject project = call.rel(0);
    EdgeTableScan scan = call.rel(1);
    if (isPlainReferences(project)) {
      List<Integer> outputs = new ArrayList<>();
      project.getProjects().forEach(p -> outputs.add(((RexInputRef) p).getIndex()));
      call.transformTo(scan.with(scan.spec().withProjection(outputs)));
      return;
    }
    ImmutableBitSet used = RelOptUtil.InputFinder.bits(project.getProjects(), null);
    if (used.cardinality() == scan.getRowType().getFieldCount()) {
      return;
    }
    List<Integer> kept = used.asList();
    EdgeTableScan narrow = scan.with(scan.spec().withProjection(kept));
    List<RexNode> remapped = new ArrayList<>();
    RexShuttle remap = new RexShuttle() {
      @Override
      public RexNode visitInputRef(RexInputRef ref) {
        return new RexInputRef(kept.indexOf(ref.getIndex()), ref.getType());
      }
    };
    project.getProjects().forEach(p -> remapped.add(p.accept(remap)));
    call.transformTo(project.copy(project.getTraitSet(), narrow, remapped, project.getRowType()));
  }

  private static boolean isPlainReferences(LogicalProject project) {
    return project.getProjects().stream().allMatch(p -> p instanceof RexInputRef);
  }
}
