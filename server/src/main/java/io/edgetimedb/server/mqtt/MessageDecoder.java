package io.edgetimedb.server.mqtt;

import io.edgetimedb.engine.write.PointBatch;

/**
 * Turns one MQTT message (topic and payload) into points: the topic template gives the tags, the
 * payload format (configured or detected per message) picks the mapper. Holds the mappers'
 * caches, so it belongs to the one thread that receives messages.
 */
public final class MessageDecoder {
  private final TopicTemplate topicTemplate;
  private final PayloadFormat format;
  private final PayloadMapper lineProtocol;
  private final PayloadMapper json;

  public MessageDecoder(TopicTemplate topicTemplate, PayloadFormat format, PayloadMapper lineProtocol,
      PayloadMapper json) {
    this.topicTemplate = topicTemplate;
    this.format = format;
    this.lineProtocol = lineProtocol;
    this.json = json;
  }

  /** The decoder the settings describe. */
  public static MessageDecoder of(MqttConfig config) {
    return new MessageDecoder(config.topicTags(), config.payload(), new LineProtocolPayload(config.precision()),
        new JsonPayload(config.measurement(), config.jsonTimeField(), config.jsonTimeUnit(), config.jsonTagFields()));
  }

  /**
   * Appends the message's points to {@code into}. Never throws for bad input: a mapper failing in
   * a way it did not foresee costs this message (its points are dropped and it is reported as
   * unreadable), never the subscriber.
   */
  public PayloadResult decode(String topic, byte[] payload, long receivedMillis, PointBatch into) {
    int before = into.size();
    try {
      TopicTags tags = topicTemplate.tags(topic);
      PayloadMapper mapper = format.resolve(payload) == PayloadFormat.JSON ? json : lineProtocol;
      return mapper.map(payload, tags, receivedMillis, into);
    } catch (RuntimeException | StackOverflowError e) {
      while (into.size() > before) {
        into.dropLastPoint();
      }
      return PayloadResult.unreadable("payload could not be read: " + e);
    }
  }
}
