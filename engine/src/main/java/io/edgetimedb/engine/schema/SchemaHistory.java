package io.edgetimedb.engine.schema;

import java.util.ArrayList;
import java.util.List;

/** Append-only record of every schema change, in the order they happened. */
public final class SchemaHistory {
  private final List<SchemaChange> changes = new ArrayList<>();
  private long version;

  public synchronized void record(SchemaChange change) {
    changes.add(change);
    version++;
  }

  /**
   * A number that grows with every change and every clear, so anything derived from the schema
   * (a cached query plan) can tell it is out of date; the size alone could repeat after a clear.
   */
  public synchronized long version() {
    return version;
  }

  public synchronized List<SchemaChange> changes() {
    return List.copyOf(changes);
  }

  public synchronized void clear() {
    changes.clear();
    version++;
  }

  public synchronized int size() {
    return changes.size();
  }
}
