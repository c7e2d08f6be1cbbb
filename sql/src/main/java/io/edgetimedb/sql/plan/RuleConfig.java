package io.edgetimedb.sql.plan;

import java.util.function.Function;
import org.apache.calcite.plan.RelOptRule;
import org.apache.calcite.plan.RelRule;
import org.apache.calcite.tools.RelBuilderFactory;

/**
 * A plain {@link RelRule.Config}: Calcite's own rules generate theirs with the Immutables
 * annotation processor, which this project does not use for four small rules.
 */
record RuleConfig(String description, RelRule.OperandTransform operandSupplier,
    Function<RuleConfig, RelOptRule> factory) implements RelRule.Config {

  @Override
  public RelOptRule toRule() {
    return factory.apply(this);
  }

  @Override
  public RelRule.Config withRelBuilderFactory(RelBuilderFactory relBuilderFactory) {
    throw new UnsupportedOperationException("push-down rules build their relations directly");
  }

  @Override
  public RelRule.Config withDescription(String newDescription) {
    return new RuleConfig(newDescription, operandSupplier, factory);
  }

  @Override
  public RelRule.Config withOperandSupplier(RelRule.OperandTransform transform) {
    return new RuleConfig(description, transform, factory);
  }
}
