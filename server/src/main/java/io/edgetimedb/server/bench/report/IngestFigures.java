package io.edgetimedb.server.bench.report;

/**
 * What the ingest phase wrote: the rate is points the target took (acknowledged by it, or for line
 * protocol from a {@code simulate} process, counted by the target itself) over the phase's
 * wall-clock time.
 *
 * @param prefixPoints points written before the phase (an hour of data time), not timed
 * @param points points written during the phase
 * @param seconds wall-clock length of the phase
 * @param pointsPerSecond {@code points / seconds}
 * @param dataSecondsCovered the data time the phase wrote (seconds of plant readings)
 * @param queriesAsked questions the query thread asked during the phase
 * @param queriesBehind questions that started late because the one before overran its slot
 */
public record IngestFigures(long prefixPoints, long points, double seconds, double pointsPerSecond,
    long dataSecondsCovered, int queriesAsked, int queriesBehind) {
}
