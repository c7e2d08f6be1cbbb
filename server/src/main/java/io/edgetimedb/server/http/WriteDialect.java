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
   * The precision a {@code precision} query parameter names.
   *
   * @throws RefusedRequest 400 naming the accepted spellings
   */
  Precision precision(String parameter) {
    if (parameter == null || parameter.isEmpty()) {
      return Precision.NANOSECONDS;
    }
    Precision p = switch (parameter) {
      case "ns" -> Precision.NANOSECONDS;
      case "us" -> Precision.MICROSECONDS;
      case "ms" -> Precision.MILLISECONDS;
      case "s" -> Precision.SECONDS;
      default -> this == V1 ? v1Only(parameter) : null;
    };
    if (p == null) {
      throw RefusedRequest.invalid("unknown precision '" + parameter + "' (expected " + spellings + ")");
    }
    return p;
  }

  private static Precision v1Only(String parameter) {
    return switch (parameter) {
      case "n" -> Precision.NANOSECONDS;
      case "u" -> Precision.MICROSECONDS;
      case "m" -> Precision.MINUTES;
      case "h" -> Precision.HOURS;
      default -> null;
    };
  }
}
