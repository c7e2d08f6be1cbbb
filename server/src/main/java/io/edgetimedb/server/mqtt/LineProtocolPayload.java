package io.edgetimedb.server.mqtt;

import io.edgetimedb.engine.lineprotocol.LineProtocolParser;
import io.edgetimedb.engine.lineprotocol.ParseResult;
import io.edgetimedb.engine.lineprotocol.Precision;
import io.edgetimedb.engine.write.PointBatch;

/**
 * A payload of InfluxDB line protocol (one or more lines, as Telegraf's MQTT output sends), read by
 * the engine's {@link LineProtocolParser}: bad lines are left out with their line and column, the
 * others kept. Topic tags are added to each point that does not name the tag itself.
 */
public final class LineProtocolPayload implements PayloadMapper {
  private final LineProtocolParser parser = new LineProtocolParser();
  /** Where points land before the topic tags are added: PointBatch can only extend its last point. */
  private final PointBatch parsed = new PointBatch();
  private final Precision precision;

  public LineProtocolPayload(Precision precision) {
    this.precision = precision;
  }

  @Override
  public PayloadResult map(byte[] payload, TopicTags topicTags, long receivedMillis, PointBatch into) {
    parsed.clear();
    ParseResult result = parser.parse(payload, 0, payload.length, precision, receivedMillis, 1, parsed);
    for (int p = 0; p < parsed.size(); p++) {
      into.addPointFrom(parsed, p);
      topicTags.addMissingTo(into);
    }
    parsed.clear();
    String firstError = result.errors().isEmpty() ? null : result.errors().get(0).toString();
    return new PayloadResult(result.points(), result.errorCount(), firstError);
  }
}
