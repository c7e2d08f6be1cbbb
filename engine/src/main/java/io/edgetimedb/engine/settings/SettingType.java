package io.edgetimedb.engine.settings;

import java.util.Locale;

/**
 * The kind of value a setting holds, which is also its unit in listings. Values are held as
 * {@code Long} (bytes, milliseconds, counts), {@code Boolean} or {@code String} (strings and
 * enum choices).
 */
public enum SettingType {
  /** A size in bytes, written {@code 32MiB}, {@code 500kB}, {@code 4096}. */
  BYTES("bytes", "a size", "32MiB"),
  /** A duration in milliseconds, written {@code 10ms}, {@code 30s}, {@code 5m}, {@code 1h}. */
  DURATION("duration", "a duration", "10ms, 30s or 5m"),
  /** A whole number. */
  COUNT("count", "a whole number", "1024"),
  /** true or false (also on/off, yes/no). */
  BOOLEAN("boolean", "a boolean", "true or false"),
  /** Any text. */
  STRING("string", "a string", "text"),
  /** One of a fixed list of words. */
  ENUM("enum", "one of the choices", "a listed choice");

  private final String unit;
  private final String article;
  private final String example;

  SettingType(String unit, String article, String example) {
    this.unit = unit;
    this.article = article;
    this.example = example;
  }

  /** The word listings show in their unit column. */
  public String unit() {
    return unit;
  }

  /** "a size", "a duration": how an error names what the value should have been. */
  String expected() {
    return article;
  }

  /** An example of a good value, for error messages. */
  String example() {
    return example;
  }

  /** The value a text stands for, or null when it is not of this type. */
  Object parse(String text) {
    return switch (this) {
      case BYTES -> ByteSize.parse(text);
      case DURATION -> DurationText.parse(text);
      case COUNT -> parseCount(text);
      case BOOLEAN -> parseBoolean(text);
      case STRING, ENUM -> text;
    };
  }

  /** The canonical spelling of a value, which {@link #parse} turns back into the same value. */
  String format(Object value) {
    return switch (this) {
      case BYTES -> ByteSize.format((Long) value);
      case DURATION -> DurationText.format((Long) value);
      default -> String.valueOf(value);
    };
  }

  private static Long parseCount(String text) {
    try {
      return Long.parseLong(text.strip().replace("_", ""));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Boolean parseBoolean(String text) {
    return switch (text.strip().toLowerCase(Locale.ROOT)) {
      case "true", "on", "yes" -> Boolean.TRUE;
      case "false", "off", "no" -> Boolean.FALSE;
      default -> null;
    };
  }
}
