package io.edgetimedb.engine.settings;

import java.util.List;

/**
 * The settings as a Markdown table (name, default, unit, run-time change, description): what
 * docs/configuration.md lists. Generated rather than written so that the document cannot drift
 * from the code; a test compares the two.
 */
public final class SettingsReference {
  private SettingsReference() {}

  public static String markdown(List<Setting> settings) {
    StringBuilder out = new StringBuilder();
    out.append("| setting | default | unit | change at run time | description |\n");
    out.append("| --- | --- | --- | --- | --- |\n");
    for (Setting s : settings) {
      String text = s.display(s.defaultValue());
      String unit = s.type() == SettingType.ENUM ? "one of " + String.join(", ", s.choices()) : s.type().unit();
      out.append("| `").append(s.name()).append("` | ").append(text.isEmpty() ? "(empty)" : "`" + text + "`")
          .append(" | ").append(unit).append(" | ").append(s.mutable() ? "yes (`SET`)" : "no (restart)")
          .append(" | ").append(s.description().replace("|", "\\|")).append(" |\n");
    }
    return out.toString();
  }
}
