package io.edgetimedb.server.mqtt;

import java.util.Locale;

/** How a message's payload is read ({@code mqtt.payload}). */
public enum PayloadFormat {
  LINE_PROTOCOL,
  JSON,
  /** Decided per message by {@link #detect}. */
  AUTO;

  /** The format a setting word names: {@code line-protocol}, {@code json} or {@code auto}. */
  public static PayloadFormat of(String word) {
    return valueOf(word.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
  }

  /**
   * The format of one payload: the configured one, or for {@link #AUTO} JSON when the first
   * non-blank byte opens an object or array and line protocol otherwise. A measurement name
   * cannot start with those characters in practice, and the check costs one scan of leading
   * blanks, so mixed publishers on one subscription need no configuration.
   */
  public PayloadFormat resolve(byte[] payload) {
    return this == AUTO ? detect(payload) : this;
  }

  static PayloadFormat detect(byte[] payload) {
    for (byte b : payload) {
      if (b == '{' || b == '[') {
        return JSON;
      }
      if (!isBlank(b)) {
        return LINE_PROTOCOL;
      }
    }
    return LINE_PROTOCOL;
  }

  /** ASCII white space and the bytes of a UTF-8 byte-order mark, which some publishers prepend. */
  private static boolean isBlank(byte b) {
    return b == ' ' || b == '\t' || b == '\r' || b == '\n' || b == (byte) 0xEF || b == (byte) 0xBB
        || b == (byte) 0xBF;
  }
}
