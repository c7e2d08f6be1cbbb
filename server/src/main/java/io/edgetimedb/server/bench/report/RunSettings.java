package io.edgetimedb.server.bench.report;

import java.util.List;

/**
 * What a run was asked to do.
 *
 * @param sensors the sensor counts, each a separate round over every target
 * @param ingestSeconds wall-clock length of each ingest phase (the timed part)
 * @param prefixDataSeconds data time written before each ingest phase, outside the timed part, so
 *     the 1-hour questions find an hour of data
 * @param queriesPerSecond pace of the query thread during the ingest phase
 * @param quietRepetitions how often each question runs in the quiet phase, per way of asking
 * @param quick whether this was the {@code --quick} smoke run
 * @param peers the peers asked for
 */
public record RunSettings(List<Integer> sensors, double ingestSeconds, long prefixDataSeconds, int queriesPerSecond,
    int quietRepetitions, boolean quick, List<String> peers) {
}
