package io.edgetimedb.engine.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.roaringbitmap.RoaringBitmap;

/** select() agrees with evaluating the predicate on every series' tags one by one. */
class TagIndexSelectPropertyTest {

  /** Small alphabets so that predicates hit, miss and overlap often; "e" and "w" are never indexed. */
  private static final List<String> INDEXED_KEYS = List.of("a", "b", "c", "d");
  private static final List<String> INDEXED_VALUES = List.of("x", "xy", "y", "z\uffff");
  private static final List<String> QUERIED_KEYS = List.of("a", "b", "c", "d", "e");
  private static final List<String> QUERIED_VALUES = List.of("x", "xy", "y", "z\uffff", "w", "");
  private static final List<String> QUERIED_PREFIXES = List.of("", "x", "xy", "z", "z\uffff", "w");

  /** One generated series: its tags, and whether it is removed again after everything was added. */
  record GeneratedSeries(Map<String, String> tags, boolean removed) {}

  @Test
  void selectMatchesBruteForce() {
    qt().withExamples(300)
        .forAll(seriesLists(), idStrides(), predicates())
        .checkAssert(TagIndexSelectPropertyTest::selectMatchesBruteForce);
  }

  private static void selectMatchesBruteForce(
      List<GeneratedSeries> series, int idStride, List<TagPredicate> predicates) {
    TagIndex index = new TagIndex();
    for (int i = 0; i < series.size(); i++) {
      apply(index, i * idStride, series.get(i).tags(), true);
    }
    for (int i = 0; i < series.size(); i++) {
      if (series.get(i).removed()) {
        apply(index, i * idStride, series.get(i).tags(), false);
      }
    }

    for (TagPredicate predicate : predicates) {
      RoaringBitmap expected = new RoaringBitmap();
      for (int i = 0; i < series.size(); i++) {
        if (!series.get(i).removed() && matches(predicate, series.get(i).tags())) {
          expected.add(i * idStride);
        }
      }
      assertThat(index.select(predicate)).as(predicate.toString()).isEqualTo(expected);
    }
  }

  private static Gen<List<GeneratedSeries>> seriesLists() {
    Gen<Map<String, String>> tags =
        lists().of(Generate.pick(INDEXED_VALUES).toOptionals(50)).ofSize(INDEXED_KEYS.size())
            .map(TagIndexSelectPropertyTest::presentTags);
    return lists().of(tags.zip(booleans().all(), GeneratedSeries::new)).ofSizeBetween(0, 40);
  }

  /** Each indexed key with the value drawn for it, if one was. */
  private static Map<String, String> presentTags(List<Optional<String>> valuePerKey) {
    Map<String, String> tags = new TreeMap<>();
    for (int k = 0; k < INDEXED_KEYS.size(); k++) {
      String key = INDEXED_KEYS.get(k);
      valuePerKey.get(k).ifPresent(value -> tags.put(key, value));
    }
    return tags;
  }

  /** Stride 1 keeps ids dense; 65,537 puts every series in its own Roaring container. */
  private static Gen<Integer> idStrides() {
    return Generate.pick(List.of(1, 3, 65_537));
  }

  /**
   * Trees at most three operators deep over the leaves; several per index, so that a select which
   * damaged a stored posting is caught by the next one.
   */
  private static Gen<List<TagPredicate>> predicates() {
    return lists().of(predicateTrees(3)).ofSizeBetween(1, 4);
  }

  private static Gen<TagPredicate> predicateTrees(int depth) {
    if (depth == 0) {
      return leaves();
    }
    Gen<TagPredicate> child = predicateTrees(depth - 1);
    Gen<TagPredicate[]> children =
        lists().of(child).ofSizeBetween(1, 3).map(list -> list.toArray(TagPredicate[]::new));
    return Generate.oneOf(
        leaves(),
        child.map(TagPredicate::not),
        children.map(operands -> TagPredicate.and(operands)),
        children.map(operands -> TagPredicate.or(operands)));
  }

  private static Gen<TagPredicate> leaves() {
    Gen<String> keys = Generate.pick(QUERIED_KEYS);
    Gen<String> values = Generate.pick(QUERIED_VALUES);
    return Generate.oneOf(
        Generate.constant(TagPredicate.all()),
        keys.zip(values, TagPredicate::eq),
        keys.zip(lists().of(values).ofSizeBetween(1, 3), TagPredicate::in),
        keys.zip(Generate.pick(QUERIED_PREFIXES), TagPredicate::prefix),
        keys.map(TagPredicate::hasKey));
  }

  /** The specification: a missing tag reads as "", prefix and hasKey need the key present. */
  private static boolean matches(TagPredicate predicate, Map<String, String> tags) {
    if (predicate instanceof TagPredicate.Eq eq) {
      return tags.getOrDefault(eq.key(), "").equals(eq.value());
    }
    if (predicate instanceof TagPredicate.In in) {
      return in.values().contains(tags.getOrDefault(in.key(), ""));
    }
    if (predicate instanceof TagPredicate.Prefix prefix) {
      return tags.containsKey(prefix.key()) && tags.get(prefix.key()).startsWith(prefix.prefix());
    }
    if (predicate instanceof TagPredicate.HasKey hasKey) {
      return tags.containsKey(hasKey.key());
    }
    if (predicate instanceof TagPredicate.Not not) {
      return !matches(not.child(), tags);
    }
    if (predicate instanceof TagPredicate.And and) {
      return and.children().stream().allMatch(child -> matches(child, tags));
    }
    if (predicate instanceof TagPredicate.Or or) {
      return or.children().stream().anyMatch(child -> matches(child, tags));
    }
    return predicate instanceof TagPredicate.All;
  }

  private static void apply(TagIndex index, int seriesId, Map<String, String> tags, boolean add) {
    TreeMap<String, String> sorted = new TreeMap<>(tags);
    String[] keys = sorted.keySet().toArray(String[]::new);
    String[] values = sorted.values().toArray(String[]::new);
    if (add) {
      index.add(seriesId, keys, values, keys.length);
    } else {
      index.remove(seriesId, keys, values, keys.length);
    }
  }
}
