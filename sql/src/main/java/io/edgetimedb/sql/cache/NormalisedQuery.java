package io.edgetimedb.sql.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An ad-hoc query with its condition and row-count literals replaced by {@code ?}: texts that
 * differ only in those literals normalise to the same text, so they can share one plan.
 *
 * <p>Only literals whose parameter type Calcite infers from their place are replaced:
 * <ul>
 *   <li>the right-hand side of a comparison ({@code site = 'A'}, {@code value > -5},
 *       {@code ts >= TIMESTAMP '...'}, {@code ts < DATE '...'}), the bounds of BETWEEN and the
 *       items of an IN list, each ending where the condition ends;
 *   <li>the pattern of {@code LIKE 'pattern'} (not of NOT LIKE, which a parameter would keep
 *       out of the engine's tag index, nor with ESCAPE);
 *   <li>the count of LIMIT, OFFSET and FETCH FIRST/NEXT.
 * </ul>
 * Literals elsewhere stay in the text and so in the plan's key: INTERVAL and TIME literals,
 * SELECT lists, function arguments such as {@code time_bucket}'s interval (GROUP BY matches
 * expressions by their structure, and two {@code ?} would be two different expressions),
 * literals on the left of a comparison, and anything inside quoted identifiers or comments.
 *
 * @param sql the text with {@code ?} where the literals were
 * @param literals the replaced literals, in the order of their {@code ?}
 */
public record NormalisedQuery(String sql, List<Literal> literals) {
  private static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", "<=", ">", ">=");
  private static final Set<String> CONDITION_ENDS = Set.of("AND", "OR", ")", ",", ";", "", "GROUP", "ORDER",
      "LIMIT", "HAVING", "OFFSET", "FETCH", "UNION", "EXCEPT", "INTERSECT", "WINDOW");
  private static final Set<String> LIMIT_ENDS = Set.of("OFFSET", ")", ";", "");
  private static final Set<String> OFFSET_ENDS = Set.of("ROW", "ROWS", "FETCH", "LIMIT", ")", ";", "");
  private static final Set<String> FETCH_ENDS = Set.of("ROW", "ROWS");

  public NormalisedQuery {
    literals = List.copyOf(literals);
  }

  /** True for the statements worth caching: queries, not DDL, writes or EXPLAIN. */
  public static boolean isQuery(String sql) {
    String start = sql.stripLeading();
    return start.regionMatches(true, 0, "SELECT", 0, 6) || start.regionMatches(true, 0, "WITH", 0, 4);
  }

  public static NormalisedQuery of(String sql) {
    List<SqlToken> tokens = SqlToken.scan(sql);
    StringBuilder out = new StringBuilder(sql.length());
    List<Literal> literals = new ArrayList<>();
    int copied = 0;
    for (int i = 0; i < tokens.size(); i++) {
      SqlToken token = tokens.get(i);
      if (token.literal() != null && (isConditionOperand(tokens, i) || isRowCount(tokens, i))) {
        out.append(sql, copied, token.start()).append('?');
        copied = token.end();
        literals.add(token.literal());
      }
    }
    out.append(sql, copied, sql.length());
    return new NormalisedQuery(out.toString(), literals);
  }

  /** The literal at {@code i} is compared with something, bounds a BETWEEN, is an IN item or a LIKE pattern. */
  private static boolean isConditionOperand(List<SqlToken> tokens, int i) {
    if (!CONDITION_ENDS.contains(upper(tokens, i + 1))) {
      return false;
    }
    String previous = upper(tokens, i - 1);
    return COMPARISONS.contains(previous) || previous.equals("BETWEEN") || isSecondBetweenBound(tokens, i)
        || inList(tokens, i) || isLikePattern(tokens, i);
  }

  /** {@code BETWEEN literal AND literal}: the second literal; after an expression it stays. */
  private static boolean isSecondBetweenBound(List<SqlToken> tokens, int i) {
    return i >= 3 && tokens.get(i - 1).upper().equals("AND") && tokens.get(i - 2).literal() != null
        && tokens.get(i - 3).upper().equals("BETWEEN");
  }

  /** The literal at {@code i} is an item of {@code IN (literal, literal, ...)}. */
  private static boolean inList(List<SqlToken> tokens, int i) {
    int j = i - 1;
    while (j >= 1 && tokens.get(j).upper().equals(",") && tokens.get(j - 1).literal() != null) {
      j -= 2;
    }
    return j >= 1 && tokens.get(j).upper().equals("(") && tokens.get(j - 1).upper().equals("IN");
  }

  /** {@code LIKE 'pattern'}, but not {@code NOT LIKE}. */
  private static boolean isLikePattern(List<SqlToken> tokens, int i) {
    return tokens.get(i).literal().kind() == Literal.Kind.STRING && upper(tokens, i - 1).equals("LIKE")
        && !upper(tokens, i - 2).equals("NOT");
  }

  /** The whole number of {@code LIMIT n}, {@code OFFSET n [ROWS]} or {@code FETCH FIRST|NEXT n ROWS ONLY}. */
  private static boolean isRowCount(List<SqlToken> tokens, int i) {
    if (tokens.get(i).literal().kind() != Literal.Kind.INTEGER || tokens.get(i).literal().text().startsWith("-")) {
      return false;
    }
    String previous = upper(tokens, i - 1);
    String next = upper(tokens, i + 1);
    return previous.equals("LIMIT") && LIMIT_ENDS.contains(next)
        || previous.equals("OFFSET") && OFFSET_ENDS.contains(next)
        || (previous.equals("FIRST") || previous.equals("NEXT")) && upper(tokens, i - 2).equals("FETCH")
            && FETCH_ENDS.contains(next);
  }

  /** The upper-cased token at {@code i}, or "" before the first and after the last. */
  private static String upper(List<SqlToken> tokens, int i) {
    return i >= 0 && i < tokens.size() ? tokens.get(i).upper() : "";
  }
}
