package io.edgetimedb.sql.parse;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Set;

/**
 * Lets {@code time}, {@code timestamp}, {@code first} and {@code last} be used unquoted where the
 * Babel parser reserves them, by quoting them in the statement text before it is parsed:
 * {@code time} and {@code timestamp} when they stand for a column (not a type, a literal such as
 * {@code TIMESTAMP '2024-01-01 00:00:00'} or part of {@code WITH TIME ZONE}), {@code first} and
 * {@code last} when they are called as functions. After {@code AS} they are a type inside the
 * parentheses of a CAST and an alias everywhere else. The quoted name is the lower-case stored
 * spelling. Quoting shifts later columns of the line by two in error positions.
 */
final class NaturalNames {
  private static final Set<String> COLUMN_WORDS = Set.of("time", "timestamp");
  private static final Set<String> FUNCTION_WORDS = Set.of("first", "last");
  /** Words after which time/timestamp is a type, not a column. */
  private static final Set<String> TYPE_CONTEXT_BEFORE = Set.of("::", "local", "with", "without");
  /** Functions whose {@code AS} is followed by a type; any other {@code AS} by an alias. */
  private static final Set<String> CAST_FUNCTIONS = Set.of("cast", "try_cast", "safe_cast");
  /** Words after which time/timestamp is a type or literal, not a column. */
  private static final Set<String> TYPE_CONTEXT_AFTER = Set.of("'", "(", "with", "without", "zone");

  private NaturalNames() {}

  static String quote(String sql) {
    StringBuilder out = new StringBuilder(sql.length() + 8);
    String previous = "";
    // One entry per open parenthesis: whether it is a CAST's.
    Deque<Boolean> castParentheses = new ArrayDeque<>();
    int i = 0;
    while (i < sql.length()) {
      int end = tokenEnd(sql, i);
      String token = sql.substring(i, end);
      String word = token.toLowerCase(Locale.ROOT);
      boolean insideCast = Boolean.TRUE.equals(castParentheses.peek());
      if (needsQuotes(word, previous, nextToken(sql, end), insideCast)) {
        out.append('"').append(word).append('"');
      } else {
        out.append(token);
      }
      trackParentheses(word, previous, castParentheses);
      if (!Character.isWhitespace(token.charAt(0)) && !token.startsWith("--") && !token.startsWith("/*")) {
        previous = word;
      }
      i = end;
    }
    return out.toString();
  }

  private static void trackParentheses(String token, String previous, Deque<Boolean> castParentheses) {
    if (token.equals("(")) {
      castParentheses.push(CAST_FUNCTIONS.contains(previous));
    } else if (token.equals(")") && !castParentheses.isEmpty()) {
      castParentheses.pop();
    }
  }

  private static boolean needsQuotes(String word, String previous, String next, boolean insideCast) {
    if (FUNCTION_WORDS.contains(word)) {
      return next.equals("(");
    }
    boolean castType = previous.equals("as") && insideCast;
    return COLUMN_WORDS.contains(word) && !castType && !TYPE_CONTEXT_BEFORE.contains(previous)
        && !TYPE_CONTEXT_AFTER.contains(next);
  }

  /** The next significant token after {@code from}, lower-cased; a string literal reads as {@code '}. */
  private static String nextToken(String sql, int from) {
    int i = from;
    while (i < sql.length()) {
      int end = tokenEnd(sql, i);
      String token = sql.substring(i, end);
      if (!Character.isWhitespace(token.charAt(0)) && !token.startsWith("--") && !token.startsWith("/*")) {
        return token.startsWith("'") ? "'" : token.toLowerCase(Locale.ROOT);
      }
      i = end;
    }
    return "";
  }

  /** The end of the token at {@code i}: a word, a quoted string or name, a comment, whitespace or one symbol. */
  private static int tokenEnd(String sql, int i) {
    char c = sql.charAt(i);
    if (Character.isLetter(c) || c == '_') {
      int j = i + 1;
      while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_' || sql.charAt(j) == '$')) {
        j++;
      }
      return j;
    }
    if (c == '\'' || c == '"' || c == '`') {
      return quotedEnd(sql, i, c);
    }
    if (sql.startsWith("--", i)) {
      int newline = sql.indexOf('\n', i);
      return newline < 0 ? sql.length() : newline;
    }
    if (sql.startsWith("/*", i)) {
      int close = sql.indexOf("*/", i + 2);
      return close < 0 ? sql.length() : close + 2;
    }
    if (sql.startsWith("::", i)) {
      return i + 2;
    }
    int j = i + 1;
    while (Character.isWhitespace(c) && j < sql.length() && Character.isWhitespace(sql.charAt(j))) {
      j++;
    }
    return j;
  }

  /** The end of a quoted string or name; a doubled quote stands for one. */
  private static int quotedEnd(String sql, int start, char quote) {
    int j = start + 1;
    while (j < sql.length()) {
      if (sql.charAt(j) == quote) {
        if (j + 1 < sql.length() && sql.charAt(j + 1) == quote) {
          j += 2;
          continue;
        }
        return j + 1;
      }
      j++;
    }
    return sql.length();
  }
}
