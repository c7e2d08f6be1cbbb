package io.edgetimedb.engine.settings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The configuration file: one {@code name = value} per line, in the style of Java properties.
 *
 * <pre>
 * # comments start with '#' as the first non-blank character of a line
 * http.port = 8086
 * http.max-body-size = 32MiB
 * checkpoint.interval = 5m
 * </pre>
 *
 * Blank lines are ignored; names and values are trimmed; a value may be empty (for strings) and
 * may contain {@code #} and {@code =}, since only a whole line can be a comment. Unlike
 * java.util.Properties there are no continuation lines or escapes, and a name given twice is an
 * error rather than the last one winning, because a silently shadowed line is a classic
 * configuration bug. Every problem is reported with file and line, all of them at once.
 */
public final class ConfigFile {
  private final Path path;
  private final List<Entry> entries;

  /** One {@code name = value} line. */
  public record Entry(String name, String value, int line) {}

  private ConfigFile(Path path, List<Entry> entries) {
    this.path = path;
    this.entries = List.copyOf(entries);
  }

  /**
   * Reads and splits a file; values are checked only when applied.
   *
   * @throws ConfigFileException for lines that are not {@code name = value} or repeat a name
   * @throws IOException when the file cannot be read
   */
  public static ConfigFile read(Path path) throws IOException {
    return parse(path, Files.readString(path, StandardCharsets.UTF_8));
  }

  /** Splits the text of a file named {@code path} (only used in messages). */
  public static ConfigFile parse(Path path, String text) {
    List<String> problems = new ArrayList<>();
    List<Entry> entries = new ArrayList<>();
    Map<String, Integer> firstLine = new HashMap<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int number = i + 1;
      int equals = line.indexOf('=');
      if (equals <= 0) {
        problems.add(path + ":" + number + ": expected 'name = value', found '" + line + "'");
        continue;
      }
      String name = line.substring(0, equals).strip();
      Integer earlier = firstLine.putIfAbsent(name, number);
      if (earlier != null) {
        problems.add(path + ":" + number + ": setting '" + name + "' is set again (first on line " + earlier + ")");
        continue;
      }
      entries.add(new Entry(name, line.substring(equals + 1).strip(), number));
    }
    ConfigFileException.throwIfAny(problems);
    return new ConfigFile(path, entries);
  }

  public List<Entry> entries() {
    return entries;
  }

  /** {@code file:<path>}: the source the history records for values from this file. */
  public String source() {
    return "file:" + path;
  }

  /**
   * Sets every entry in the registry (start-up: immutable settings too), with this file as the
   * source. Unknown names and bad values are reported together, each with its line.
   *
   * @throws ConfigFileException listing every bad line; the good ones are applied
   */
  public void applyTo(SettingsRegistry registry) {
    List<String> problems = new ArrayList<>();
    for (Entry entry : entries) {
      try {
        registry.set(entry.name(), entry.value(), source());
      } catch (SettingException e) {
        problems.add(path + ":" + entry.line() + ": " + e.getMessage());
      }
    }
    ConfigFileException.throwIfAny(problems);
  }
}
