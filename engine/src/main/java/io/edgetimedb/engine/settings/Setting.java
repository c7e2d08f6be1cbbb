package io.edgetimedb.engine.settings;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The definition of one setting: its dotted name ({@code http.port}, {@code wal.fsync}), type,
 * default, description, whether it can change while the database runs, and the limits a value
 * must keep. Start from one of the factories and add what differs:
 *
 * <pre>
 * Setting.bytes("http.max-body-size", 32L &lt;&lt; 20, "Largest request body accepted.").changeable()
 * </pre>
 *
 * @param choices the allowed words of an ENUM setting, lower case; empty otherwise
 * @param min smallest allowed value of a numeric (bytes, duration, count) setting
 * @param max largest allowed value of a numeric setting
 * @param secret whether listings and the history show the value masked (passwords)
 */
public record Setting(String name, SettingType type, Object defaultValue, String description, boolean mutable,
    List<String> choices, long min, long max, boolean secret) {
  /** What listings and the history show instead of a secret value. */
  public static final String MASK = "********";

  public Setting {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(defaultValue, "defaultValue");
    Objects.requireNonNull(description, "description");
    choices = List.copyOf(choices);
    if (!name.matches("[a-z][a-z0-9-]*(\\.[a-z][a-z0-9-]*)+")) {
      throw new IllegalArgumentException("setting name '" + name + "' is not dotted lower-case words");
    }
  }

  public static Setting bytes(String name, long defaultBytes, String description) {
    return numeric(name, SettingType.BYTES, defaultBytes, description);
  }

  public static Setting duration(String name, long defaultMillis, String description) {
    return numeric(name, SettingType.DURATION, defaultMillis, description);
  }

  public static Setting count(String name, long defaultValue, String description) {
    return numeric(name, SettingType.COUNT, defaultValue, description);
  }

  public static Setting flag(String name, boolean defaultValue, String description) {
    return new Setting(name, SettingType.BOOLEAN, defaultValue, description, false, List.of(), 0, 0, false);
  }

  public static Setting text(String name, String defaultValue, String description) {
    return new Setting(name, SettingType.STRING, defaultValue, description, false, List.of(), 0, 0, false);
  }

  /** A setting whose value is one of {@code choices} (matched without regard to case). */
  public static Setting choice(String name, String defaultValue, List<String> choices, String description) {
    List<String> lower = choices.stream().map(c -> c.toLowerCase(Locale.ROOT)).toList();
    if (!lower.contains(defaultValue.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("default '" + defaultValue + "' of '" + name + "' is not a choice");
    }
    return new Setting(name, SettingType.ENUM, defaultValue.toLowerCase(Locale.ROOT), description, false, lower, 0, 0,
        false);
  }

  private static Setting numeric(String name, SettingType type, long defaultValue, String description) {
    return new Setting(name, type, defaultValue, description, false, List.of(), 0, Long.MAX_VALUE, false);
  }

  /** A copy that may change while the database runs (SQL {@code SET}). */
  public Setting changeable() {
    return new Setting(name, type, defaultValue, description, true, choices, min, max, secret);
  }

  /** A copy whose numeric values must lie in [min, max]. */
  public Setting range(long lowest, long highest) {
    Setting ranged = new Setting(name, type, defaultValue, description, mutable, choices, lowest, highest, secret);
    ranged.check((Long) defaultValue, format(defaultValue));
    return ranged;
  }

  /** A copy whose value listings and the history show masked. */
  public Setting masked() {
    return new Setting(name, type, defaultValue, description, mutable, choices, min, max, true);
  }

  /**
   * The value a text stands for.
   *
   * @throws InvalidSettingValueException naming the setting, the text and what was expected
   */
  public Object parse(String text) {
    Object value = type.parse(text);
    if (value == null) {
      throw new InvalidSettingValueException(this, text,
          "is not " + type.expected() + " (use e.g. " + type.example() + ")");
    }
    if (type == SettingType.ENUM) {
      return choice((String) value, text);
    }
    if (value instanceof Long number) {
      check(number, text);
    }
    return value;
  }

  private String choice(String word, String text) {
    String lower = word.strip().toLowerCase(Locale.ROOT);
    if (!choices.contains(lower)) {
      throw new InvalidSettingValueException(this, text, "is not one of " + String.join(", ", choices));
    }
    return lower;
  }

  private void check(long value, String text) {
    if (value < min || value > max) {
      String high = max == Long.MAX_VALUE ? "" : " and at most " + format(max);
      throw new InvalidSettingValueException(this, text, "is out of range: must be at least " + format(min) + high);
    }
  }

  /** The canonical text of a value of this setting. */
  public String format(Object value) {
    return type.format(value);
  }

  /** The text listings show: the canonical text, or {@link #MASK} for a non-empty secret. */
  public String display(Object value) {
    String text = format(value);
    return secret && !text.isEmpty() ? MASK : text;
  }
}
