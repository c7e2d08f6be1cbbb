package io.edgetimedb.server.bench.stats;

/** How one question fared: how often it was asked and its p50 and p99 latency in milliseconds. */
public record LatencySummary(int count, double p50Millis, double p99Millis) {
}
