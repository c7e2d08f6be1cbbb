package io.edgetimedb.server.mqtt;

import io.edgetimedb.engine.write.PointBatch;

/**
 * Turns one message payload into points. A mapper never throws for bad input: what it cannot read
 * is left out and reported in the result, and everything else of the payload is kept. Mappers keep
 * caches and scratch space, so each belongs to one thread.
 */
public interface PayloadMapper {
  /**
   * Appends the payload's points to {@code into}.
   *
   * @param topicTags tags from the topic, added to every point that lacks them
   * @param receivedMillis the time of points that carry none
   */
  PayloadResult map(byte[] payload, TopicTags topicTags, long receivedMillis, PointBatch into);
}
