package io.edgetimedb.server.mqtt;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.ToDoubleFunction;

/** The subscriber's counters as meters, so {@code /metrics} shows MQTT ingest next to HTTP's. */
final class MqttMeters {
  private MqttMeters() {}

  static void bind(MqttStatistics stats, MeterRegistry registry) {
    counter(registry, "edgetimedb.mqtt.messages.received", "Messages delivered by the broker", stats,
        MqttStatistics::messagesReceived);
    counter(registry, "edgetimedb.mqtt.messages.rejected", "Messages with nothing usable in them", stats,
        MqttStatistics::messagesRejected);
    counter(registry, "edgetimedb.mqtt.points.written", "Points written from MQTT messages", stats,
        MqttStatistics::pointsWritten);
    counter(registry, "edgetimedb.mqtt.points.rejected", "Points refused by the parser or the database", stats,
        MqttStatistics::pointsRejected);
    counter(registry, "edgetimedb.mqtt.write.failures", "Writes that failed (message left unacknowledged)", stats,
        MqttStatistics::writeFailures);
    counter(registry, "edgetimedb.mqtt.connections.lost", "Broker connections lost", stats,
        MqttStatistics::connectionsLost);
    Gauge.builder("edgetimedb.mqtt.connected", stats, s -> s.connected() ? 1 : 0)
        .description("1 while connected to the broker").register(registry);
  }

  private static void counter(MeterRegistry registry, String name, String description, MqttStatistics stats,
      ToDoubleFunction<MqttStatistics> count) {
    FunctionCounter.builder(name, stats, count).description(description).register(registry);
  }
}
