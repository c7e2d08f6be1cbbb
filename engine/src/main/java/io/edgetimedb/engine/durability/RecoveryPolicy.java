package io.edgetimedb.engine.durability;

/**
 * How a durable database treats loss at open and what it keeps to avoid it.
 *
 * @param acceptLoss open with what is left when recovery would lose data (the loss is then
 *     logged and shown in health); otherwise such an open is refused
 * @param fallbackLogBytes most bytes of log kept only so that the previous checkpoint can stand
 *     in for a damaged newest one; beyond it that log is deleted and the loss it would cost is
 *     reported as a health condition
 */
public record RecoveryPolicy(boolean acceptLoss, long fallbackLogBytes) {
  public RecoveryPolicy {
    if (fallbackLogBytes < 0) {
      throw new IllegalArgumentException("fallbackLogBytes must be >= 0, was " + fallbackLogBytes);
    }
  }
}
