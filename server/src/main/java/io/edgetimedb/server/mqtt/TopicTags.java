package io.edgetimedb.server.mqtt;

import io.edgetimedb.engine.write.PointBatch;
import java.util.List;

/**
 * What a message's topic says about its points ({@link TopicTemplate#tags}): tags for every point,
 * and possibly the measurement of JSON points.
 *
 * @param measurement the {@code {measurement}} level, or null when the template has none
 * @param keys tag keys, in template order, parallel to {@code values}
 */
public record TopicTags(String measurement, List<String> keys, List<String> values) {
  public static final TopicTags NONE = new TopicTags(null, List.of(), List.of());

  public TopicTags {
    keys = List.copyOf(keys);
    values = List.copyOf(values);
  }

  /**
   * Adds the topic's tags to the batch's last point, except those the point already has: the
   * payload is the more specific source (a gateway publishing for several sensors on one topic
   * names each one in the payload), so it wins.
   */
  public void addMissingTo(PointBatch batch) {
    int point = batch.size() - 1;
    int from = batch.tagStart(point);
    int to = from + batch.tagCount(point);
    for (int i = 0; i < keys.size(); i++) {
      if (!hasTag(batch, from, to, keys.get(i))) {
        batch.tag(keys.get(i), values.get(i));
      }
    }
  }

  private static boolean hasTag(PointBatch batch, int from, int to, String key) {
    String[] tagKeys = batch.tagKeys();
    for (int t = from; t < to; t++) {
      if (tagKeys[t].equals(key)) {
        return true;
      }
    }
    return false;
  }
}
