package io.edgetimedb.server.cli;

import java.sql.Timestamp;
import java.util.HexFormat;

/**
 * How the sql command writes a value: TIMESTAMPs as UTC instants in ISO form (the drivers read
 * them as epoch milliseconds, so the JVM's zone must not show), bytes in hex, the rest as Java
 * prints them.
 */
final class Values {
  private Values() {}

  static String text(Object value) {
    if (value instanceof Timestamp t) {
      return t.toInstant().toString();
    }
    if (value instanceof byte[] bytes) {
      return HexFormat.of().formatHex(bytes);
    }
    return value.toString();
  }
}
