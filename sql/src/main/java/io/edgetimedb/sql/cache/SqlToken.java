package io.edgetimedb.sql.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One token of a SQL text, as far as finding literals needs: words, quoted identifiers, string,
 * number (with a minus sign written right before it where only a unary minus can be) and typed
 * TIMESTAMP and DATE literals, operators and punctuation; comments and white space are skipped.
 * Not a full lexer: anything it does not know is a one-character token, which at worst leaves a
 * literal in the text.
 *
 * @param start offset of the first character in the text
 * @param end offset after the last character
 * @param upper the token upper-cased (words and operators compare by it)
 * @param literal the literal the token is, or null
 */
record SqlToken(int start, int end, String upper, Literal literal) {
  private static final Set<String> TWO_CHARACTER_OPERATORS = Set.of("<=", ">=", "<>", "!=", "||");
  /** Type keywords whose literal stays text: this cache does not bind TIME or INTERVAL values. */
  private static final Set<String> UNBOUND_TYPE_KEYWORDS = Set.of("TIME", "INTERVAL");
  /** Tokens after which a minus sign cannot subtract, so it belongs to the number after it. */
  private static final Set<String> BEFORE_UNARY_MINUS = Set.of("=", "<>", "!=", "<", "<=", ">", ">=", "BETWEEN",
      "AND", "(", ",");

  static List<SqlToken> scan(String sql) {
    List<SqlToken> tokens = new ArrayList<>();
    int i = skipSpaceAndComments(sql, 0);
    while (i < sql.length()) {
      SqlToken token = next(sql, i, tokens);
      if (token.literal() != null && token.start() < i) {
        tokens.remove(tokens.size() - 1); // the type keyword now belongs to the literal
      } else if (isUnaryMinus(tokens, token)) {
        token = negated(tokens.remove(tokens.size() - 1), token);
      }
      tokens.add(token);
      i = skipSpaceAndComments(sql, token.end());
    }
    return tokens;
  }

  /** {@code token} is a number right after a minus sign that follows an operator or {@code (} or {@code ,}. */
  private static boolean isUnaryMinus(List<SqlToken> before, SqlToken token) {
    int n = before.size();
    return token.upper().equals("0") && n >= 2 && before.get(n - 1).upper().equals("-")
        && before.get(n - 1).end() == token.start() && BEFORE_UNARY_MINUS.contains(before.get(n - 2).upper());
  }

  private static SqlToken negated(SqlToken minus, SqlToken number) {
    Literal literal = number.literal();
    return new SqlToken(minus.start(), number.end(), "0", new Literal(literal.kind(), "-" + literal.text()));
  }

  private static SqlToken next(String sql, int i, List<SqlToken> before) {
    char c = sql.charAt(i);
    if (c == '\'') {
      return string(sql, i, before);
    }
    if (c == '"' || c == '`') {
      int end = sql.indexOf(c, i + 1);
      return other(sql, i, end < 0 ? sql.length() : end + 1);
    }
    if (Character.isDigit(c) || (c == '.' && i + 1 < sql.length() && Character.isDigit(sql.charAt(i + 1)))) {
      return number(sql, i);
    }
    if (Character.isLetter(c) || c == '_') {
      int end = i;
      while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || "_$".indexOf(sql.charAt(end)) >= 0)) {
        end++;
      }
      return other(sql, i, end);
    }
    if (i + 1 < sql.length() && TWO_CHARACTER_OPERATORS.contains(sql.substring(i, i + 2))) {
      return other(sql, i, i + 2);
    }
    return other(sql, i, i + 1);
  }

  /**
   * A quoted string; after TIMESTAMP or DATE it is a literal of that type spanning the keyword
   * too. After TIME or INTERVAL it stays in the text.
   */
  private static SqlToken string(String sql, int i, List<SqlToken> before) {
    StringBuilder value = new StringBuilder();
    int j = i + 1;
    while (j < sql.length()) {
      char c = sql.charAt(j++);
      if (c != '\'') {
        value.append(c);
      } else if (j < sql.length() && sql.charAt(j) == '\'') {
        value.append('\'');
        j++;
      } else {
        break;
      }
    }
    String keyword = before.isEmpty() ? "" : before.get(before.size() - 1).upper();
    if (keyword.equals("TIMESTAMP") || keyword.equals("DATE")) {
      int keywordStart = before.get(before.size() - 1).start();
      return new SqlToken(keywordStart, j, "'", new Literal(Literal.Kind.valueOf(keyword), value.toString()));
    }
    if (UNBOUND_TYPE_KEYWORDS.contains(keyword)) {
      return other(sql, i, j);
    }
    return new SqlToken(i, j, "'", new Literal(Literal.Kind.STRING, value.toString()));
  }

  private static SqlToken number(String sql, int i) {
    int end = i;
    boolean exact = true;
    while (end < sql.length() && (Character.isDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
      exact &= sql.charAt(end) != '.';
      end++;
    }
    if (end < sql.length() && Character.isLetter(sql.charAt(end))) {
      return other(sql, i, end); // 1e5 and the like: left alone
    }
    Literal.Kind kind = exact ? Literal.Kind.INTEGER : Literal.Kind.DECIMAL;
    return new SqlToken(i, end, "0", new Literal(kind, sql.substring(i, end)));
  }

  private static SqlToken other(String sql, int start, int end) {
    return new SqlToken(start, end, sql.substring(start, end).toUpperCase(Locale.ROOT), null);
  }

  private static int skipSpaceAndComments(String sql, int i) {
    while (i < sql.length()) {
      if (Character.isWhitespace(sql.charAt(i))) {
        i++;
      } else if (sql.startsWith("--", i)) {
        int end = sql.indexOf('\n', i);
        i = end < 0 ? sql.length() : end + 1;
      } else if (sql.startsWith("/*", i)) {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? sql.length() : end + 2;
      } else {
        break;
      }
    }
    return i;
  }
}
