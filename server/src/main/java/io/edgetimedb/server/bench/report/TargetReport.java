package io.edgetimedb.server.bench.report;

import io.edgetimedb.server.bench.BenchQuery;
import io.edgetimedb.server.bench.stats.LatencySummary;
import java.util.List;
import java.util.Map;

/**
 * One target at one sensor count: a fresh instance fed for the ingest phase while questions were
 * asked, then questioned in quiet.
 *
 * @param target the target's name ({@code edgetimedb/tcp}, {@code sqlite/jdbc}, ...)
 * @param storage how the target keeps the data (in memory, durable in a directory, the peer's way)
 * @param ingest the sustained ingest rate and what was written
 * @param underLoad latencies of the questions asked during the ingest phase (embedded)
 * @param quietEmbedded latencies in the quiet phase, asked in process
 * @param quietRemote latencies in the quiet phase through the remote driver; null for targets
 *     without one
 * @param memory samples over the whole time the target ran
 * @param storageFigures bytes per point, overall and per sensor kind
 */
public record TargetReport(String target, int sensors, String storage, IngestFigures ingest,
    Map<BenchQuery, LatencySummary> underLoad, Map<BenchQuery, LatencySummary> quietEmbedded,
    Map<BenchQuery, LatencySummary> quietRemote, List<MemorySample> memory, StorageFigures storageFigures) {
}
