package io.edgetimedb.server.mqtt;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns the levels of a message's topic into tags ({@code mqtt.topic-tags}). The template is a
 * topic with named levels:
 *
 * <pre>
 *   plant/{site}/{line}/{sensor}      plant/A/l2/t17   →  site=A, line=l2, sensor=t17
 *   {measurement}/{site}/+            boiler/A/raw     →  measurement boiler, site=A
 * </pre>
 *
 * Level by level: {@code {name}} makes the topic's level the value of tag {@code name};
 * {@code {measurement}} names the measurement of JSON points; any other level ({@code +},
 * {@code *}, {@code #} or a literal word) is skipped. Literal words are not checked against the
 * topic: which topics arrive is the subscription's business ({@code mqtt.topics}), and refusing
 * data for a template typo would lose it silently. A topic shorter than the template gives only
 * the tags it has levels for, longer topics' extra levels are ignored, and an empty level gives
 * no tag (an empty tag value identifies nothing).
 */
public final class TopicTemplate {
  /** The template of {@code mqtt.topic-tags = ""}: no tags, no measurement. */
  public static final TopicTemplate NONE = new TopicTemplate(List.of(), "");

  private static final String MEASUREMENT = "measurement";
  /** A level that gives nothing; no tag name is empty, so this cannot clash with one. */
  private static final String SKIP = "";

  /** Per level: the tag name, {@link #MEASUREMENT} for the measurement, or {@link #SKIP}. */
  private final List<String> levels;
  private final String text;

  private TopicTemplate(List<String> levels, String text) {
    this.levels = List.copyOf(levels);
    this.text = text;
  }

  /**
   * Reads a template.
   *
   * @throws IllegalArgumentException for a level with an unclosed brace, an empty name or a name
   *     used twice, naming the level
   */
  public static TopicTemplate parse(String template) {
    String text = template.strip();
    if (text.isEmpty()) {
      return NONE;
    }
    List<String> levels = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String level : text.split("/", -1)) {
      String name = name(level, text);
      if (!name.equals(SKIP) && !seen.add(name)) {
        throw new IllegalArgumentException("mqtt.topic-tags '" + text + "' names {" + name + "} twice");
      }
      levels.add(name);
    }
    return new TopicTemplate(levels, text);
  }

  private static String name(String level, String template) {
    boolean opens = level.startsWith("{");
    boolean closes = level.endsWith("}");
    if (!opens && !closes && !level.contains("{") && !level.contains("}")) {
      return SKIP;
    }
    String name = opens && closes && level.length() >= 2 ? level.substring(1, level.length() - 1).strip() : "";
    if (name.isEmpty() || name.contains("{") || name.contains("}")) {
      throw new IllegalArgumentException("mqtt.topic-tags '" + template + "': level '" + level
          + "' is not {name} (a whole level in braces)");
    }
    return name;
  }

  /** The tags (and measurement) a topic's levels give. */
  public TopicTags tags(String topic) {
    if (levels.isEmpty()) {
      return TopicTags.NONE;
    }
    String[] parts = topic.split("/", -1);
    List<String> keys = new ArrayList<>(levels.size());
    List<String> values = new ArrayList<>(levels.size());
    String measurement = null;
    for (int i = 0; i < levels.size() && i < parts.length; i++) {
      String name = levels.get(i);
      if (name.equals(SKIP) || parts[i].isEmpty()) {
        continue;
      }
      if (name.equals(MEASUREMENT)) {
        measurement = parts[i];
      } else {
        keys.add(name);
        values.add(parts[i]);
      }
    }
    return new TopicTags(measurement, keys, values);
  }

  @Override
  public String toString() {
    return text;
  }
}
