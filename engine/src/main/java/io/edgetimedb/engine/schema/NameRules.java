package io.edgetimedb.engine.schema;

/**
 * What a measurement, tag key, tag value or field name may be. Checked before anything in a
 * point is applied, so a refused point leaves the rest of its batch untouched.
 */
public final class NameRules {
  /** Longest name in characters; longer names are refused. */
  public static final int MAX_NAME_LENGTH = 256;
  /** The time column every measurement table has; no tag or field may take its name. */
  public static final String TIME_COLUMN = "ts";

  private NameRules() {}

  /**
   * Returns null when the name is acceptable, else why not. {@code what} names the item
   * ("measurement", "tag key", ...), so the message can say which one failed.
   */
  public static String problem(String what, CharSequence name) {
    if (name == null || name.length() == 0) {
      return "empty " + what;
    }
    if (name.length() > MAX_NAME_LENGTH) {
      return what + " longer than " + MAX_NAME_LENGTH + " characters: '" + name.subSequence(0, 32) + "...'";
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        return what + " '" + printable(name) + "' has control character U+" + String.format("%04X", (int) c)
            + " at position " + i;
      }
    }
    return null;
  }

  /** Problem with a tag or field column name: the rules above plus the reserved time column. */
  public static String columnProblem(String what, CharSequence name) {
    String problem = problem(what, name);
    if (problem == null && TIME_COLUMN.equalsIgnoreCase(name.toString())) {
      return what + " '" + name + "' is reserved for the time column";
    }
    return problem;
  }

  private static String printable(CharSequence name) {
    StringBuilder out = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
