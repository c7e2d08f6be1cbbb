package io.edgetimedb.server.bench;

/**
 * What a {@link BenchQuery} asks about: a sensor id (tag {@code sensor}), a site and line (tags),
 * and a time range in epoch milliseconds; each query uses the parts its description names.
 */
public record QueryArguments(String sensor, String site, String line, long fromMillis, long toMillis) {
}
