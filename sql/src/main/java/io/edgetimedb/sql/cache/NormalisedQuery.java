package io.edgetimedb.sql.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * An ad-hoc query with its comparison literals replaced by {@code ?}: texts that differ only in
 * those literals normalise to the same text, so they can share one plan.
 *
 * <p>Only literals whose parameter type Calcite can infer from the other side are replaced: the
 * right-hand side of a comparison ({@code site = 'A'}, {@code ts >= TIMESTAMP '...'}), the bounds
 * of BETWEEN and the items of an IN list, each ending where the condition ends. Literals
 * elsewhere (LIMIT, INTERVAL, SELECT lists, function arguments) stay in the text and so in the key.
 *
 * @param sql the text with {@code ?} where the literals were
 * @param literals the replaced literals, in the order of their {@code ?}
 */
public record NormalisedQuery(String sql, List<Literal> literals) {
  private static final Set<String> COMPARISONS = Set.of("=", "<>", "!=", "<", "<=", ">", ">=");
  private static final Set<String> CONDITION_ENDS = Set.of("AND", "OR", ")", ",", ";", "", "GROUP", "ORDER",
      "LIMIT", "HAVING", "OFFSET", "FETCH", "UNION", "EXCEPT", "INTERSECT", "WINDOW");

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
      if (token.literal() != null && endsCondition(tokens, i + 1) && takesParameter(tokens, i)) {
        out.append(sql, copied, token.start()).append('?');
        copied = token.end();
        literals.add(token.literal());
      }
    }
    out.append(sql, copied, sql.length());
    return new NormalisedQuery(out.toString(), literals);
  }

  /** The literal at {@code i} is compared with something, bounds a BETWEEN or is an IN item. */
  private static boolean takesParameter(List<SqlToken> tokens, int i) {
    String previous = i > 0 ? tokens.get(i - 1).upper() : "";
    return COMPARISONS.contains(previous) || previous.equals("BETWEEN") || isSecondBetweenBound(tokens, i)
        || inList(tokens, i);
  }

  /** {@code BETWEEN literal AND literal}: the second literal; after an expression it stays. */
  private static boolean isSecondBetweenBound(List<SqlToken> tokens, int i) {
    return i >= 3 && tokens.get(i - 1).upper().equals("AND") && tokens.get(i - 2).literal() != null
        && tokens.get(i - 3).upper().equals("BETWEEN");
  }

  /** The token at {@code i} ends a condition (or a BETWEEN's first bound, or an IN item). */
  private static boolean endsCondition(List<SqlToken> tokens, int i) {
    return CONDITION_ENDS.contains(i < tokens.size() ? tokens.get(i).upper() : "");
  }

  /** The literal at {@code i} is an item of {@code IN (literal, literal, ...)}. */
  private static boolean inList(List<SqlToken> tokens, int i) {
    int j = i - 1;
    while (j >= 1 && tokens.get(j).upper().equals(",") && tokens.get(j - 1).literal() != null) {
      j -= 2;
    }
    return j >= 1 && tokens.get(j).upper().equals("(") && tokens.get(j - 1).upper().equals("IN");
  }

  /** The kinds of the literals, in order: part of the cache key. */
  public List<Literal.Kind> kinds() {
    return literals.stream().map(Literal::kind).toList();
  }
}
