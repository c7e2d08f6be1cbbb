package io.edgetimedb.engine.index;

import static io.edgetimedb.engine.index.TagPredicate.eq;
import static io.edgetimedb.engine.index.TagPredicate.not;
import static io.edgetimedb.engine.index.TagPredicate.or;
import static io.edgetimedb.engine.index.TagPredicate.prefix;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.roaringbitmap.RoaringBitmap;

/** Readers racing one writer must always see a consistent index. */
class TagIndexConcurrencyTest {

  private static final String[] KEYS = {"sensor", "site"};
  private static final int SERIES = 20_000;

  @Test
  @Timeout(30)
  void readersSeeWholeSeriesWhileAWriterAdds() throws Exception {
    TagIndex index = new TagIndex();
    AtomicBoolean writing = new AtomicBoolean(true);
    ExecutorService readers = Executors.newFixedThreadPool(2);
    List<Future<Integer>> reads = new ArrayList<>();
    for (int r = 0; r < 2; r++) {
      reads.add(readers.submit(() -> readUntilDone(index, writing)));
    }

    for (int id = 0; id < SERIES; id++) {
      index.add(id, KEYS, new String[] {"sensor-" + id, "site-" + id % 10}, KEYS.length);
    }
    writing.set(false);

    for (Future<Integer> read : reads) {
      assertThat(read.get()).isPositive();
    }
    readers.shutdown();
    assertThat(readers.awaitTermination(5, TimeUnit.SECONDS)).isTrue();
    assertThat(index.seriesCount()).isEqualTo(SERIES);
  }

  /**
   * Ids are added in order, so any consistent snapshot holds exactly 0..k-1, and a predicate
   * covering every series must select that. Copying and range-scanning the sensor values, which
   * grow on every add, throws ConcurrentModificationException without the lock. Returns the number
   * of rounds made.
   */
  private static int readUntilDone(TagIndex index, AtomicBoolean writing) {
    TagPredicate everySeries = or(eq("site", "site-3"), not(eq("site", "site-3")));
    int selects = 0;
    do {
      RoaringBitmap selected = index.select(everySeries);
      int expected = selected.isEmpty() ? 0 : selected.last() + 1;
      assertThat(selected.getCardinality()).isEqualTo(expected);
      assertThat(index.tagValues("sensor")).hasSizeLessThanOrEqualTo(SERIES);
      assertThat(index.select(prefix("sensor", "sensor-1")).getCardinality()).isLessThanOrEqualTo(SERIES);
      selects++;
    } while (writing.get());
    return selects;
  }
}
