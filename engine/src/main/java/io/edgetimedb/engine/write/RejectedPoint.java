package io.edgetimedb.engine.write;

/** A point the engine refused, by its index in the batch, and why. */
public record RejectedPoint(int index, String reason) {
  @Override
  public String toString() {
    return "point " + index + ": " + reason;
  }
}
