package io.edgetimedb.engine.catalog;

import io.edgetimedb.engine.memory.ObjectSizes;
import java.util.HashMap;
import java.util.Map;

/**
 * One copy of every tag key and tag value the series use: thousands of series share a few
 * site, line and type strings, and the caller's own String objects are not kept alive.
 */
public final class TagDictionary {
  /** HashMap.Node (32 bytes) plus its table slot at the default load factor. */
  private static final long ENTRY_OVERHEAD = ObjectSizes.object(4 + 3 * ObjectSizes.REFERENCE) + 2 * ObjectSizes.REFERENCE;

  private final Map<String, String> strings = new HashMap<>();
  private long stringBytes;

  /** The shared copy of {@code s}; called under the catalog's series-creation lock. */
  public synchronized String intern(String s) {
    String known = strings.get(s);
    if (known != null) {
      return known;
    }
    String copy = new String(s);
    strings.put(copy, copy);
    stringBytes += ObjectSizes.string(copy);
    return copy;
  }

  public synchronized int size() {
    return strings.size();
  }

  public synchronized long bytesHeld() {
    return ObjectSizes.object(ObjectSizes.REFERENCE + 8) + ObjectSizes.object(4 * 4 + 2 * ObjectSizes.REFERENCE)
        + stringBytes + strings.size() * ENTRY_OVERHEAD;
  }
}
