package io.edgetimedb.engine.series;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SeriesTableTest {

  @Test
  void findsSeriesByTagSetThroughResizes() {
    SeriesTable table = new SeriesTable();
    for (int i = 0; i < 1000; i++) {
      String[] keys = {"host", "site"};
      String[] values = {"h" + i, "s" + (i % 7)};
      table.insert(new Series(i, "m", keys, values, Series.hashTags(keys, values, 0, 2)));
    }
    assertThat(table.size()).isEqualTo(1000);
    for (int i = 0; i < 1000; i++) {
      String[] keys = {"x", "host", "site"};
      String[] values = {"ignored", "h" + i, "s" + (i % 7)};
      Series found = table.find(Series.hashTags(keys, values, 1, 2), keys, values, 1, 2);
      assertThat(found).isNotNull();
      assertThat(found.id()).isEqualTo(i);
    }
    String[] keys = {"host", "site"};
    String[] values = {"h1", "s2"};
    assertThat(table.find(Series.hashTags(keys, values, 0, 2), keys, values, 0, 2)).isNull();
    assertThat(table.bytesHeld()).isGreaterThan(4L * 2048);
  }

  @Test
  void seriesWithoutTagsIsFoundToo() {
    SeriesTable table = new SeriesTable();
    String[] none = {};
    table.insert(new Series(0, "m", none, none, Series.hashTags(none, none, 0, 0)));
    assertThat(table.find(Series.hashTags(none, none, 0, 0), none, none, 0, 0)).isNotNull();
  }

  @Test
  void exposesTags() {
    String[] keys = {"a", "b"};
    String[] values = {"1", "2"};
    Series s = new Series(3, "m", keys, values, Series.hashTags(keys, values, 0, 2));
    assertThat(s.measurement()).isEqualTo("m");
    assertThat(s.tag("b")).isEqualTo("2");
    assertThat(s.tag("c")).isNull();
    assertThat(s.hasTags(new String[] {"a"}, new String[] {"1"}, 0, 1)).isFalse();
    assertThat(s.hasTags(new String[] {"a", "b"}, new String[] {"1", "3"}, 0, 2)).isFalse();
    assertThat(s.points()).isZero();
    assertThat(s.sealedChunkCount()).isZero();
    assertThat(s.ownBytes()).isPositive();
  }
}
