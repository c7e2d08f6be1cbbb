package io.edgetimedb.engine.index;

import static io.edgetimedb.engine.index.TagPredicate.all;
import static io.edgetimedb.engine.index.TagPredicate.and;
import static io.edgetimedb.engine.index.TagPredicate.eq;
import static io.edgetimedb.engine.index.TagPredicate.hasKey;
import static io.edgetimedb.engine.index.TagPredicate.in;
import static io.edgetimedb.engine.index.TagPredicate.not;
import static io.edgetimedb.engine.index.TagPredicate.or;
import static io.edgetimedb.engine.index.TagPredicate.prefix;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roaringbitmap.RoaringBitmap;

class TagIndexTest {

  private final TagIndex index = new TagIndex();

  /** Six series; 3 has no type, 4 has no site, only 0 and 2 have a line. */
  @BeforeEach
  void addSeries() {
    add(0, Map.of("site", "A", "type", "t", "line", "l1"));
    add(1, Map.of("site", "A", "type", "p"));
    add(2, Map.of("site", "B", "type", "t", "line", "l2"));
    add(3, Map.of("site", "B"));
    add(4, Map.of("type", "h"));
    add(5, Map.of("site", "AB", "type", "t"));
  }

  @Test
  void allMatchesEverySeries() {
    assertThat(ids(all())).containsExactly(0, 1, 2, 3, 4, 5);
    assertThat(index.seriesCount()).isEqualTo(6);
  }

  @Test
  void eqMatchesThePosting() {
    assertThat(ids(eq("site", "A"))).containsExactly(0, 1);
    assertThat(ids(eq("type", "t"))).containsExactly(0, 2, 5);
  }

  @Test
  void eqOnUnknownKeyOrValueMatchesNothing() {
    assertThat(ids(eq("site", "C"))).isEmpty();
    assertThat(ids(eq("room", "1"))).isEmpty();
  }

  @Test
  void eqWithEmptyValueMatchesSeriesWithoutTheKey() {
    assertThat(ids(eq("type", ""))).containsExactly(3);
    assertThat(ids(eq("line", ""))).containsExactly(1, 3, 4, 5);
    assertThat(ids(eq("room", ""))).containsExactly(0, 1, 2, 3, 4, 5);
  }

  @Test
  void inMatchesAnyListedValue() {
    assertThat(ids(in("type", List.of("t", "p")))).containsExactly(0, 1, 2, 5);
    assertThat(ids(in("type", List.of("t", "t")))).containsExactly(0, 2, 5);
    assertThat(ids(in("type", List.of("x", "y")))).isEmpty();
    assertThat(ids(in("room", List.of("1")))).isEmpty();
  }

  @Test
  void inWithEmptyValueAlsoMatchesSeriesWithoutTheKey() {
    assertThat(ids(in("site", List.of("", "B")))).containsExactly(2, 3, 4);
  }

  @Test
  void prefixMatchesValuesStartingWithIt() {
    assertThat(ids(prefix("site", "A"))).containsExactly(0, 1, 5);
    assertThat(ids(prefix("site", "AB"))).containsExactly(5);
    assertThat(ids(prefix("site", "C"))).isEmpty();
    assertThat(ids(prefix("room", "A"))).isEmpty();
  }

  @Test
  void emptyPrefixMatchesSeriesThatHaveTheKey() {
    assertThat(ids(prefix("site", ""))).containsExactly(0, 1, 2, 3, 5);
  }

  @Test
  void prefixEndingInTheHighestCharStillFindsItsRange() {
    add(6, Map.of("site", "Z\uffff"));
    add(7, Map.of("site", "Z\uffffa"));
    add(8, Map.of("site", "[")); // the char right after 'Z'

    assertThat(ids(prefix("site", "Z\uffff"))).containsExactly(6, 7);
    assertThat(ids(prefix("site", "Z"))).containsExactly(6, 7);
    assertThat(ids(prefix("site", "\uffff"))).isEmpty();
  }

  @Test
  void hasKeyMatchesSeriesCarryingTheKey() {
    assertThat(ids(hasKey("line"))).containsExactly(0, 2);
    assertThat(ids(hasKey("room"))).isEmpty();
  }

  @Test
  void notComplementsWithinAllSeries() {
    assertThat(ids(not(eq("site", "A")))).containsExactly(2, 3, 4, 5);
    assertThat(ids(not(all()))).isEmpty();
    assertThat(ids(not(eq("room", "1")))).containsExactly(0, 1, 2, 3, 4, 5);
    assertThat(ids(not(eq("type", "")))).containsExactly(0, 1, 2, 4, 5);
  }

  @Test
  void andIntersects() {
    assertThat(ids(and(eq("site", "A"), eq("type", "t")))).containsExactly(0);
    assertThat(ids(and(hasKey("site"), eq("type", "t"), prefix("site", "A")))).containsExactly(0, 5);
    assertThat(ids(and(eq("site", "A"), eq("site", "B")))).isEmpty();
    assertThat(ids(and(eq("room", "1"), hasKey("site")))).isEmpty();
  }

  @Test
  void andOfOnlyNegationsStartsFromAllSeries() {
    assertThat(ids(and(not(eq("site", "A")), not(eq("type", "t"))))).containsExactly(3, 4);
  }

  @Test
  void orUnites() {
    assertThat(ids(or(eq("site", "B"), eq("type", "h")))).containsExactly(2, 3, 4);
    assertThat(ids(or(eq("room", "1"), eq("site", "C")))).isEmpty();
    assertThat(ids(or(eq("line", "l1")))).containsExactly(0);
  }

  @Test
  void nestsNotAndOr() {
    TagPredicate predicate = or(
        and(eq("site", "A"), not(in("type", List.of("t", "p")))),
        not(or(hasKey("site"), eq("type", "t"))),
        and(not(and(eq("site", "B"), hasKey("line"))), eq("site", "B")));

    assertThat(ids(predicate)).containsExactly(3, 4);
    assertThat(ids(not(and(eq("site", "A"), not(eq("type", "p")))))).containsExactly(1, 2, 3, 4, 5);
  }

  @Test
  void selectReturnsBitmapsTheCallerMayChange() {
    RoaringBitmap selected = index.select(eq("site", "A"));
    selected.add(42);
    RoaringBitmap all = index.allSeries();
    all.clear();

    assertThat(ids(eq("site", "A"))).containsExactly(0, 1);
    assertThat(index.seriesCount()).isEqualTo(6);
  }

  @Test
  void selectLeavesStoredPostingsUnchanged() {
    ids(and(eq("type", "t"), not(eq("site", "A")), in("site", List.of("B"))));
    ids(or(eq("type", "t"), eq("site", "A")));

    assertThat(ids(eq("type", "t"))).containsExactly(0, 2, 5);
    assertThat(ids(eq("site", "B"))).containsExactly(2, 3);
  }

  @Test
  void removeDropsTheSeriesAndEmptyPostings() {
    remove(0, Map.of("site", "A", "type", "t", "line", "l1"));
    remove(2, Map.of("site", "B", "type", "t", "line", "l2"));

    assertThat(ids(all())).containsExactly(1, 3, 4, 5);
    assertThat(ids(eq("site", "A"))).containsExactly(1);
    assertThat(ids(not(eq("type", "t")))).containsExactly(1, 3, 4);
    assertThat(index.tagKeys()).containsExactly("site", "type");
    assertThat(index.tagValues("line")).isEmpty();
    assertThat(index.tagValues("site")).containsExactly("A", "AB", "B");
  }

  @Test
  void removeOfAnUnknownSeriesChangesNothing() {
    remove(9, Map.of("site", "A", "room", "1"));

    assertThat(ids(all())).containsExactly(0, 1, 2, 3, 4, 5);
    assertThat(ids(eq("site", "A"))).containsExactly(0, 1);
  }

  @Test
  void addingASeriesTwiceChangesNothing() {
    add(1, Map.of("site", "A", "type", "p"));

    assertThat(index.seriesCount()).isEqualTo(6);
    assertThat(ids(eq("site", "A"))).containsExactly(0, 1);
  }

  @Test
  void listsTagKeysAndValuesAsSortedSnapshots() {
    var keys = index.tagKeys();
    var types = index.tagValues("type");
    add(6, Map.of("room", "1", "type", "q"));

    assertThat(keys).containsExactly("line", "site", "type");
    assertThat(types).containsExactly("h", "p", "t");
    assertThat(index.tagKeys()).containsExactly("line", "room", "site", "type");
    assertThat(index.tagValues("nope")).isEmpty();
    assertThatThrownBy(() -> keys.add("x")).isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void indexesOnlyTheFirstNTags() {
    TagIndex fresh = new TagIndex();
    fresh.add(7, new String[] {"a", "b", "c"}, new String[] {"1", "2", "3"}, 2);

    assertThat(fresh.tagKeys()).containsExactly("a", "b");
  }

  @Test
  void seriesWithoutTagsCountsAsASeries() {
    TagIndex fresh = new TagIndex();
    fresh.add(3, new String[0], new String[0], 0);

    assertThat(fresh.select(eq("site", "")).toArray()).containsExactly(3);
    assertThat(fresh.select(hasKey("site")).isEmpty()).isTrue();
  }

  @Test
  void emptyIndexSelectsNothing() {
    TagIndex fresh = new TagIndex();

    assertThat(fresh.select(all()).isEmpty()).isTrue();
    assertThat(fresh.select(not(eq("a", "1"))).isEmpty()).isTrue();
    assertThat(fresh.seriesCount()).isZero();
    assertThat(fresh.bytesHeld()).isPositive();
  }

  @Test
  void seriesIdsBeyondTheFirstContainerWork() {
    TagIndex fresh = new TagIndex();
    fresh.add(70_000, new String[] {"site"}, new String[] {"A"}, 1);
    fresh.add(Integer.MAX_VALUE, new String[] {"site"}, new String[] {"B"}, 1);

    assertThat(fresh.select(not(eq("site", "A"))).toArray()).containsExactly(Integer.MAX_VALUE);
  }

  @Test
  void rejectsMalformedSeries() {
    String[] one = {"a"};
    assertThatThrownBy(() -> index.add(-1, one, one, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> index.add(9, new String[] {"b", "a"}, new String[] {"1", "2"}, 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> index.add(9, new String[] {"a", "a"}, new String[] {"1", "2"}, 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> index.add(9, one, new String[] {""}, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> index.add(9, new String[] {""}, one, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> index.add(9, one, one, 2)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThatThrownBy(() -> index.remove(9, one, new String[0], 1)).isInstanceOf(IndexOutOfBoundsException.class);
    assertThat(index.seriesCount()).isEqualTo(6);
  }

  private int[] ids(TagPredicate predicate) {
    return index.select(predicate).toArray();
  }

  private void add(int seriesId, Map<String, String> tags) {
    TreeMap<String, String> sorted = new TreeMap<>(tags);
    index.add(seriesId, sorted.keySet().toArray(String[]::new), sorted.values().toArray(String[]::new), tags.size());
  }

  private void remove(int seriesId, Map<String, String> tags) {
    TreeMap<String, String> sorted = new TreeMap<>(tags);
    index.remove(seriesId, sorted.keySet().toArray(String[]::new), sorted.values().toArray(String[]::new), tags.size());
  }
}
