package io.edgetimedb.engine.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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

  @Property(tries = 300)
  void selectMatchesBruteForce(
      @ForAll("seriesLists") List<GeneratedSeries> series,
      @ForAll("idStrides") int idStride,
      @ForAll("predicates") List<TagPredicate> predicates) {
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

  @Provide
  Arbitrary<List<GeneratedSeries>> seriesLists() {
    Arbitrary<Map<String, String>> tags = Arbitraries.maps(Arbitraries.of(INDEXED_KEYS), Arbitraries.of(INDEXED_VALUES)).ofMaxSize(4);
    return Combinators.combine(tags, Arbitraries.of(true, false))
        .as(GeneratedSeries::new)
        .list()
        .ofMaxSize(40);
  }

  /** Stride 1 keeps ids dense; 65,537 puts every series in its own Roaring container. */
  @Provide
  Arbitrary<Integer> idStrides() {
    return Arbitraries.of(1, 3, 65_537);
  }

  /**
   * Trees at most three operators deep over the leaves; several per index, so that a select which
   * damaged a stored posting is caught by the next one.
   */
  @Provide
  Arbitrary<List<TagPredicate>> predicates() {
    return predicateTrees(3).list().ofMinSize(1).ofMaxSize(4);
  }

  private static Arbitrary<TagPredicate> predicateTrees(int depth) {
    if (depth == 0) {
      return leaves();
    }
    Arbitrary<TagPredicate> child = predicateTrees(depth - 1);
    Arbitrary<TagPredicate[]> children = child.array(TagPredicate[].class).ofMinSize(1).ofMaxSize(3);
    return Arbitraries.oneOf(
        leaves(),
        child.map(TagPredicate::not),
        children.map(TagPredicate::and),
        children.map(TagPredicate::or));
  }

  private static Arbitrary<TagPredicate> leaves() {
    Arbitrary<String> keys = Arbitraries.of(QUERIED_KEYS);
    Arbitrary<String> values = Arbitraries.of(QUERIED_VALUES);
    return Arbitraries.oneOf(
        Arbitraries.just(TagPredicate.all()),
        Combinators.combine(keys, values).as(TagPredicate::eq),
        Combinators.combine(keys, values.list().ofMinSize(1).ofMaxSize(3)).as(TagPredicate::in),
        Combinators.combine(keys, Arbitraries.of(QUERIED_PREFIXES)).as(TagPredicate::prefix),
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
