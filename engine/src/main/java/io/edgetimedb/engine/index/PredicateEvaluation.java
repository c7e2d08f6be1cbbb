package io.edgetimedb.engine.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.roaringbitmap.FastAggregation;
import org.roaringbitmap.RoaringBitmap;

/**
 * Evaluation of {@link TagPredicate}s against the postings of one {@link TagIndex}. The caller
 * holds the index's read lock for as long as this object is used.
 *
 * <p>Intermediate results may borrow stored postings to avoid copying them; every operation that
 * would change a borrowed bitmap writes to a new one instead, so stored postings are never mutated.
 */
final class PredicateEvaluation {

  private final Map<String, TreeMap<String, RoaringBitmap>> postings;
  private final RoaringBitmap allSeries;

  PredicateEvaluation(Map<String, TreeMap<String, RoaringBitmap>> postings, RoaringBitmap allSeries) {
    this.postings = postings;
    this.allSeries = allSeries;
  }

  /** The series matching {@code predicate}, in a bitmap nobody else references. */
  RoaringBitmap select(TagPredicate predicate) {
    Result result = evaluate(predicate);
    return result.owned ? result.bits : result.bits.clone();
  }

  /** A bitmap and whether this evaluation created it (and may change it) or borrowed it from the index. */
  private record Result(RoaringBitmap bits, boolean owned) {
    static Result fresh(RoaringBitmap bits) {
      return new Result(bits, true);
    }

    static Result borrowed(RoaringBitmap bits) {
      return new Result(bits, false);
    }

    Result and(RoaringBitmap other) {
      if (!owned) {
        return fresh(RoaringBitmap.and(bits, other));
      }
      bits.and(other);
      return this;
    }

    Result andNot(RoaringBitmap other) {
      if (!owned) {
        return fresh(RoaringBitmap.andNot(bits, other));
      }
      bits.andNot(other);
      return this;
    }
  }

  private Result evaluate(TagPredicate predicate) {
    if (predicate instanceof TagPredicate.All) {
      return Result.borrowed(allSeries);
    }
    if (predicate instanceof TagPredicate.Eq eq) {
      return equal(eq.key(), eq.value());
    }
    if (predicate instanceof TagPredicate.In in) {
      return union(in.values().stream().distinct().map(value -> equal(in.key(), value).bits).toList());
    }
    if (predicate instanceof TagPredicate.Prefix prefix) {
      return union(prefixRange(prefix).values());
    }
    if (predicate instanceof TagPredicate.HasKey hasKey) {
      return union(valuesOf(hasKey.key()).values());
    }
    if (predicate instanceof TagPredicate.Not not) {
      return Result.borrowed(allSeries).andNot(evaluate(not.child()).bits);
    }
    if (predicate instanceof TagPredicate.And and) {
      return intersection(and.children());
    }
    return union(((TagPredicate.Or) predicate).children().stream().map(child -> evaluate(child).bits).toList());
  }

  private Result equal(String key, String value) {
    if (value.isEmpty()) {
      return Result.borrowed(allSeries).andNot(union(valuesOf(key).values()).bits);
    }
    RoaringBitmap posting = valuesOf(key).get(value);
    return posting == null ? Result.fresh(new RoaringBitmap()) : Result.borrowed(posting);
  }

  /**
   * Intersects the positive operands from the most selective up, then subtracts the children of
   * NOT operands, which spares building their complements; stops as soon as nothing is left.
   */
  private Result intersection(List<TagPredicate> operands) {
    List<TagPredicate> included = new ArrayList<>();
    List<TagPredicate> excluded = new ArrayList<>();
    for (TagPredicate operand : operands) {
      if (operand instanceof TagPredicate.Not not) {
        excluded.add(not.child());
      } else {
        included.add(operand);
      }
    }
    included.sort(Comparator.comparingLong(this::estimate));
    Result result = included.isEmpty() ? Result.borrowed(allSeries) : evaluate(included.get(0));
    for (int i = 1; i < included.size() && !result.bits.isEmpty(); i++) {
      result = result.and(evaluate(included.get(i)).bits);
    }
    for (int i = 0; i < excluded.size() && !result.bits.isEmpty(); i++) {
      result = result.andNot(evaluate(excluded.get(i)).bits);
    }
    return result;
  }

  private static Result union(Collection<RoaringBitmap> bitmaps) {
    if (bitmaps.isEmpty()) {
      return Result.fresh(new RoaringBitmap());
    }
    if (bitmaps.size() == 1) {
      return Result.borrowed(bitmaps.iterator().next());
    }
    return Result.fresh(FastAggregation.or(bitmaps.iterator()));
  }

  /** An upper bound on the number of series {@code predicate} matches, cheap enough to order AND operands by. */
  private long estimate(TagPredicate predicate) {
    long all = allSeries.getLongCardinality();
    if (predicate instanceof TagPredicate.Eq eq && !eq.value().isEmpty()) {
      RoaringBitmap posting = valuesOf(eq.key()).get(eq.value());
      return posting == null ? 0 : posting.getLongCardinality();
    }
    if (predicate instanceof TagPredicate.In in) {
      return Math.min(all, in.values().stream().mapToLong(value -> estimate(TagPredicate.eq(in.key(), value))).sum());
    }
    if (predicate instanceof TagPredicate.Prefix prefix) {
      return prefixRange(prefix).values().stream().mapToLong(RoaringBitmap::getLongCardinality).sum();
    }
    if (predicate instanceof TagPredicate.HasKey hasKey) {
      return postings.containsKey(hasKey.key()) ? all : 0;
    }
    if (predicate instanceof TagPredicate.And and) {
      return and.children().stream().mapToLong(this::estimate).min().orElse(all);
    }
    if (predicate instanceof TagPredicate.Or or) {
      return Math.min(all, or.children().stream().mapToLong(this::estimate).sum());
    }
    return all;
  }

  private NavigableMap<String, RoaringBitmap> valuesOf(String key) {
    NavigableMap<String, RoaringBitmap> values = postings.get(key);
    return values == null ? Collections.emptyNavigableMap() : values;
  }

  private NavigableMap<String, RoaringBitmap> prefixRange(TagPredicate.Prefix prefix) {
    NavigableMap<String, RoaringBitmap> values = valuesOf(prefix.key());
    String start = prefix.prefix();
    String end = prefixUpperBound(start);
    return end == null ? values.tailMap(start, true) : values.subMap(start, true, end, false);
  }

  /**
   * The least string above every string that starts with {@code prefix}, or null when there is
   * none (the prefix is empty or all U+FFFF).
   */
  private static String prefixUpperBound(String prefix) {
    int last = prefix.length() - 1;
    while (last >= 0 && prefix.charAt(last) == Character.MAX_VALUE) {
      last--;
    }
    return last < 0 ? null : prefix.substring(0, last) + (char) (prefix.charAt(last) + 1);
  }
}
