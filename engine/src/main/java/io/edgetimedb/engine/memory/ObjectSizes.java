package io.edgetimedb.engine.memory;

/**
 * Shallow sizes of heap objects on a 64-bit HotSpot JVM with compressed references and
 * 8-byte alignment (the default for heaps under 32 GB), which is what an edge box runs.
 * The accounting uses these instead of instrumentation so it costs nothing at run time.
 */
public final class ObjectSizes {
  public static final int OBJECT_HEADER = 12;
  public static final int ARRAY_HEADER = 16;
  public static final int REFERENCE = 4;

  private ObjectSizes() {}

  public static long align(long bytes) {
    return (bytes + 7) & ~7L;
  }

  /** An object with the given bytes of fields after the header. */
  public static long object(int fieldBytes) {
    return align(OBJECT_HEADER + fieldBytes);
  }

  public static long longArray(int length) {
    return align(ARRAY_HEADER + 8L * length);
  }

  public static long doubleArray(int length) {
    return longArray(length);
  }

  public static long intArray(int length) {
    return align(ARRAY_HEADER + 4L * length);
  }

  public static long byteArray(int length) {
    return align(ARRAY_HEADER + (long) length);
  }

  public static long booleanArray(int length) {
    return byteArray(length);
  }

  public static long referenceArray(int length) {
    return align(ARRAY_HEADER + (long) REFERENCE * length);
  }

  /** A String with its value array: Latin-1 strings take a byte a char, others two. */
  public static long string(String s) {
    int chars = s.length();
    boolean latin1 = chars == 0 || isLatin1(s);
    return object(12) + byteArray(latin1 ? chars : 2 * chars);
  }

  private static boolean isLatin1(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) > 0xff) {
        return false;
      }
    }
    return true;
  }
}
