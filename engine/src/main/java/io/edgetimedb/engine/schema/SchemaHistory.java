package io.edgetimedb.engine.schema;

import java.util.ArrayList;
import java.util.List;

/** Append-only record of every schema change, in the order they happened. */
public final class SchemaHistory {
  private final List<SchemaChange> changes = new ArrayList<>();

  public synchronized void record(SchemaChange change) {
    changes.add(change);
  }

  public synchronized List<SchemaChange> changes() {
    return List.copyOf(changes);
  }

  public synchronized void clear() {
    changes.clear();
  }

  public synchronized int size() {
    return changes.size();
  }
}
