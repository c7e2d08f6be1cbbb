package io.edgetimedb.sql.plan;

import com.google.common.collect.Range;
import io.edgetimedb.sql.predicate.Operand;
import io.edgetimedb.sql.predicate.TagFilter;
import io.edgetimedb.sql.table.ColumnKind;
import io.edgetimedb.sql.table.ScanSpec;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUnknownAs;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.Sarg;

/**
 * Translates a condition on tag columns alone (=, <>, IN, NOT IN, LIKE, IS [NOT] NULL, AND, OR,
 * NOT) into a {@link TagFilter}, or returns null when any part of it is something
 * else. Negation is pushed down to the comparisons, where SQL's three-valued logic is kept by
 * requiring the tag to be present: {@code NOT site = 'A'} holds only for series that have a site.
 */
final class TagFilterTranslation {
  private final ScanSpec spec;

  TagFilterTranslation(ScanSpec spec) {
    this.spec = spec;
  }

  TagFilter translate(RexNode node) {
    return translate(node, false);
  }

  private TagFilter translate(RexNode node, boolean negated) {
    if (!(node instanceof RexCall call)) {
      return null;
    }
    return switch (call.getKind()) {
      case AND -> combine(call, negated, !negated);
      case OR -> combine(call, negated, negated);
      case NOT -> translate(call.getOperands().get(0), !negated);
      case EQUALS -> comparison(call, negated, false);
      case NOT_EQUALS -> comparison(call, negated, true);
      case IS_NULL -> presence(call, negated);
      case IS_NOT_NULL -> presence(call, !negated);
      case LIKE -> like(call, negated);
      case SEARCH -> search(call, negated);
      default -> null;
    };
  }

  /** AND/OR of translated children; {@code asAnd} after De Morgan under negation. */
  private TagFilter combine(RexCall call, boolean negated, boolean asAnd) {
    List<TagFilter> children = new ArrayList<>();
    for (RexNode operand : call.getOperands()) {
      TagFilter child = translate(operand, negated);
      if (child == null) {
        return null;
      }
      children.add(child);
    }
    return asAnd ? new TagFilter.And(children) : new TagFilter.Or(children);
  }

  private TagFilter comparison(RexCall call, boolean negated, boolean notEquals) {
    String key = tagKey(call.getOperands().get(0));
    RexNode valueNode = call.getOperands().get(1);
    if (key == null) {
      key = tagKey(valueNode);
      valueNode = call.getOperands().get(0);
    }
    Operand value = FilterTranslation.operand(valueNode);
    if (key == null || value == null) {
      return null;
    }
    boolean positive = negated == notEquals;
    if (!positive && value instanceof Operand.Parameter) {
      // A NULL parameter makes "<>" unknown, which the negated engine predicate would not be.
      return null;
    }
    TagFilter eq = new TagFilter.Eq(key, value);
    return positive ? eq : presentAndNot(key, eq);
  }

  private TagFilter presence(RexCall call, boolean present) {
    String key = tagKey(call.getOperands().get(0));
    if (key == null) {
      return null;
    }
    TagFilter has = new TagFilter.Present(key);
    return present ? has : new TagFilter.Not(has);
  }

  /**
   * LIKE without ESCAPE. A literal 'prefix%' stays a {@link TagFilter.Prefix}, which EXPLAIN
   * shows as written; other patterns, and parameters, are resolved when the statement runs.
   */
  private TagFilter like(RexCall call, boolean negated) {
    if (call.getOperands().size() != 2) {
      return null;
    }
    String key = tagKey(call.getOperands().get(0));
    RexNode patternNode = call.getOperands().get(1);
    Operand pattern = FilterTranslation.operand(patternNode);
    if (key == null || pattern == null || negated && pattern instanceof Operand.Parameter) {
      // A NULL parameter makes NOT LIKE unknown, which the negated engine predicate would not be.
      return null;
    }
    String prefix = patternNode instanceof RexLiteral literal ? prefixOf(literal) : null;
    TagFilter match = prefix != null ? new TagFilter.Prefix(key, prefix)
        : new TagFilter.Like(spec.columns().measurement(), key, pattern);
    return negated ? presentAndNot(key, match) : match;
  }

  /** The prefix of a pattern 'abc%' with no other wildcard, else null. */
  private static String prefixOf(RexLiteral literal) {
    String pattern = literal.getValueAs(String.class);
    if (pattern == null || !pattern.endsWith("%")) {
      return null;
    }
    String prefix = pattern.substring(0, pattern.length() - 1);
    return prefix.contains("%") || prefix.contains("_") ? null : prefix;
  }

  /** IN, NOT IN and single comparisons that Calcite folded into a SEARCH over points. */
  private TagFilter search(RexCall call, boolean negated) {
    String key = tagKey(call.getOperands().get(0));
    if (key == null || !(call.getOperands().get(1) instanceof RexLiteral literal)) {
      return null;
    }
    Sarg<?> sarg = literal.getValueAs(Sarg.class);
    boolean complemented = sarg.isComplementedPoints();
    if (!sarg.isPoints() && !complemented) {
      return null;
    }
    Sarg<?> points = complemented ? sarg.negate() : sarg;
    List<Operand> values = new ArrayList<>();
    for (Range<?> range : points.rangeSet.asRanges()) {
      Object v = range.lowerEndpoint();
      values.add(new Operand.Literal(v instanceof NlsString s ? s.getValue() : String.valueOf(v)));
    }
    TagFilter in = new TagFilter.In(key, values);
    // Which rows match: the points (or all but them), and rows without the tag when nullAs is TRUE.
    boolean positive = negated == complemented;
    boolean nullsMatch = sarg.nullAs == (negated ? RexUnknownAs.FALSE : RexUnknownAs.TRUE);
    TagFilter match = positive ? in : new TagFilter.Not(in);
    TagFilter present = new TagFilter.Present(key);
    TagFilter withPresence = positive ? match : new TagFilter.And(List.of(present, match));
    return nullsMatch ? new TagFilter.Or(List.of(new TagFilter.Not(present), withPresence)) : withPresence;
  }

  /** "Not the child" for series with the key: negation in SQL leaves NULLs out. */
  private static TagFilter presentAndNot(String key, TagFilter child) {
    return new TagFilter.And(List.of(new TagFilter.Present(key), new TagFilter.Not(child)));
  }

  private String tagKey(RexNode node) {
    if (node instanceof RexInputRef ref && spec.output(ref.getIndex()).kind() == ColumnKind.TAG) {
      return spec.output(ref.getIndex()).name();
    }
    return null;
  }
}
