package io.edgetimedb.server.http;

import io.edgetimedb.engine.lineprotocol.Precision;

/**
 * The two InfluxDB write APIs this port speaks. They take the same body and differ in where they
 * live and in how they spell the timestamp precision; a missing precision means nanoseconds in
 * both.
 */
enum WriteDialect {
  /** InfluxDB 2.x, {@code POST /api/v2/write?precision=ns|us|ms|s}; {@code org} and {@code bucket} are ignored. */
  V2("/api/v2/write", "ns, us, ms or s"),
  /**
   * InfluxDB 1.x, {@code POST /write?precision=n|ns|u|us|ms|s|m|h}; {@code db}, {@code rp}, {@code u}
   * and {@code p} are ignored. ({@code ns} and {@code us} are not 1.x spellings but are what 2.x
   * clients send, so they are taken too.)
   */
  V1("/write", "n, ns, u, us, ms, s, m or h");

  private final String path;
  private final String spellings;

  WriteDialect(String path, String spellings) {
    this.path = path;
    this.spellings = spellings;
  }

  String path() {
    return path;
  }

  /**
   * The unit a {@code precision} query parameter names.
   *
   * @throws RefusedRequest 400 naming the accepted spellings
   */
  TimestampUnit unit(String parameter) {
    if (parameter == null || parameter.isEmpty()) {
      return TimestampUnit.of(Precision.NANOSECONDS);
    }
    TimestampUnit unit = switch (parameter) {
      case "ns" -> TimestampUnit.of(Precision.NANOSECONDS);
      case "us" -> TimestampUnit.of(Precision.MICROSECONDS);
      case "ms" -> TimestampUnit.of(Precision.MILLISECONDS);
      case "s" -> TimestampUnit.of(Precision.SECONDS);
      default -> this == V1 ? v1Only(parameter) : null;
    };
    if (unit == null) {
      throw RefusedRequest.invalid("unknown precision '" + parameter + "' (expected " + spellings + ")");
    }
    return unit;
  }

  private static TimestampUnit v1Only(String parameter) {
    return switch (parameter) {
      case "n" -> TimestampUnit.of(Precision.NANOSECONDS);
      case "u" -> TimestampUnit.of(Precision.MICROSECONDS);
      case "m" -> TimestampUnit.MINUTES;
      case "h" -> TimestampUnit.HOURS;
      default -> null;
    };
  }
}
