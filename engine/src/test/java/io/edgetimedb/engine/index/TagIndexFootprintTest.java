package io.edgetimedb.engine.index;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openjdk.jol.info.GraphLayout;

/** Holds {@link TagIndex#bytesHeld()} to what JOL measures, tag Strings excluded. */
class TagIndexFootprintTest {

  private static final String[] KEYS = {"line", "sensor", "site", "type"};

  @Test
  void bytesHeldIsWithinTenPercentOfJolForTwentyThousandSeries() {
    List<String> strings = new ArrayList<>(List.of(KEYS));
    TagIndex index = new TagIndex();
    for (int id = 0; id < 20_000; id++) {
      String[] values = {"line-" + id % 100, "sensor-" + id, "site-" + id % 10, "type-" + id % 8};
      strings.addAll(List.of(values));
      index.add(id, KEYS, values, KEYS.length);
    }

    assertBytesHeldCloseToJol("20,000 series", index, strings);
  }

  @Test
  void bytesHeldFollowsRemovals() {
    List<String> strings = new ArrayList<>(List.of(KEYS));
    TagIndex index = new TagIndex();
    for (int id = 0; id < 2_000; id++) {
      String[] values = {"line-" + id % 10, "sensor-" + id, "site-" + id % 3, "type-" + id % 4};
      strings.addAll(List.of(values));
      index.add(id, KEYS, values, KEYS.length);
      if (id % 2 == 1) {
        index.remove(id, KEYS, values, KEYS.length);
      }
    }

    assertBytesHeldCloseToJol("1,000 series left of 2,000", index, strings);
  }

  /**
   * Compares with JOL's size of everything the index reaches, minus the tag Strings and their byte
   * arrays: the index and the strings measured as one graph, less the strings alone. Sizes, not
   * {@code GraphLayout.subtract}, which matches objects by address and misses every one a GC moved
   * between the two walks (seen once: 1.1 MB of strings left in).
   */
  private static void assertBytesHeldCloseToJol(String shape, TagIndex index, List<String> strings) {
    Object[] tagStrings = strings.toArray();
    long measured = GraphLayout.parseInstance(index, tagStrings).totalSize()
        - GraphLayout.parseInstance((Object) tagStrings).totalSize();
    long estimated = index.bytesHeld();
    System.out.printf("TagIndex of %s: bytesHeld %,d B, JOL without Strings %,d B (%+.2f%%)%n",
        shape, estimated, measured, 100.0 * (estimated - measured) / measured);
    assertThat(estimated).isCloseTo(measured, within(measured / 10));
  }
}
