package io.edgetimedb.engine.write;

import java.util.List;

/**
 * What a batch write did: how many points were applied and which were refused. Refused points
 * never stop the others: every point that is not listed was applied.
 */
public record WriteResult(int accepted, List<RejectedPoint> rejected) {
  public WriteResult {
    rejected = List.copyOf(rejected);
  }

  public boolean allAccepted() {
    return rejected.isEmpty();
  }
}
