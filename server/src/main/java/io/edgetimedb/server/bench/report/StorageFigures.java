package io.edgetimedb.server.bench.report;

import java.util.Map;

/**
 * How compactly a target holds the data at the end of its run.
 *
 * @param points points the target holds
 * @param bytesHeld what {@code BenchTarget.bytesHeld} reports (for EdgeTimeDB, every byte the engine
 *     accounts: data, index, dictionaries)
 * @param bytesPerPoint {@code bytesHeld / points}
 * @param bytesPerPointByMeasurement raw data bytes per point of each sensor kind, as EdgeTimeDB's
 *     {@code sys.storage} reports them; empty for targets that cannot tell
 */
public record StorageFigures(long points, long bytesHeld, double bytesPerPoint,
    Map<String, Double> bytesPerPointByMeasurement) {
}
