package io.edgetimedb.engine.lineprotocol;

import io.edgetimedb.engine.schema.NameRules;

/**
 * The kinds of text a line holds, each with its escapes ({@link EscapedText}) and the engine's
 * rule it must pass ({@link NameRules}): names become measurements or columns, so they are
 * checked; string values are only decoded (their length limit is the database's to apply).
 */
enum TextKind {
  MEASUREMENT("measurement"),
  TAG_KEY("tag key"),
  TAG_VALUE("tag value"),
  FIELD("field"),
  STRING_VALUE("string value");

  private final String what;

  TextKind(String what) {
    this.what = what;
  }

  /** The kind as a message names it: {@code tag value}. */
  String what() {
    return what;
  }

  String decode(byte[] buf, int from, int to) {
    return switch (this) {
      case MEASUREMENT -> EscapedText.measurement(buf, from, to);
      case STRING_VALUE -> EscapedText.quoted(buf, from, to);
      default -> EscapedText.name(buf, from, to);
    };
  }

  /** Why the decoded text cannot be used, or null. */
  String problem(String text) {
    return switch (this) {
      case MEASUREMENT, TAG_VALUE -> NameRules.problem(what, text);
      case TAG_KEY, FIELD -> NameRules.columnProblem(what, text);
      case STRING_VALUE -> null;
    };
  }
}
