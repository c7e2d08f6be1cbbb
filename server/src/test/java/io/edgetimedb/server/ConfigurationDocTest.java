package io.edgetimedb.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.settings.SettingsReference;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md lists every setting; its table is generated from the registry, and this
 * test fails when the two differ. Run it with {@code -Dedgetimedb.update-docs=true} to rewrite
 * the table after adding or changing a setting.
 */
class ConfigurationDocTest {
  static final String BEGIN = "<!-- settings table: generated from the registry by ConfigurationDocTest -->\n";
  static final String END = "<!-- end of settings table -->";
  private static final Path DOC = Path.of("..", "docs", "configuration.md");

  @Test
  void theDocumentListsEverySettingAsTheRegistryDefinesIt() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    int begin = doc.indexOf(BEGIN);
    int end = doc.indexOf(END);
    assertThat(begin).as("marker in " + DOC).isNotNegative();
    assertThat(end).as("end marker in " + DOC).isGreaterThan(begin);
    String expected = SettingsReference.markdown(ServerSettings.registry().settings());
    String actual = doc.substring(begin + BEGIN.length(), end);
    if (!actual.equals(expected) && Boolean.getBoolean("edgetimedb.update-docs")) {
      Files.writeString(DOC, doc.substring(0, begin + BEGIN.length()) + expected + doc.substring(end));
      return;
    }
    assertThat(actual).as(DOC + " is out of date; rerun with -Dedgetimedb.update-docs=true").isEqualTo(expected);
  }
}
