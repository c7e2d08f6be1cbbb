package io.edgetimedb.engine.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileTest {
  @TempDir
  Path dir;

  private final SettingsRegistry registry = new SettingsRegistry();

  @BeforeEach
  void define() {
    registry.define(Setting.count("http.port", 8086, "port").range(0, 65_535));
    registry.define(Setting.bytes("http.max-body-size", 32L << 20, "body"));
    registry.define(Setting.duration("checkpoint.interval", 300_000, "interval"));
    registry.define(Setting.text("avatica.auth.password", "", "password").masked());
  }

  @Test
  void readsNameValueLinesSkippingCommentsAndBlanks() throws IOException {
    Path file = dir.resolve("edgetimedb.conf");
    Files.writeString(file, """
        # EdgeTimeDB
          http.port = 9000

        http.max-body-size=64MiB
        checkpoint.interval = 30s
        avatica.auth.password = a#b=c
        """);

    ConfigFile config = ConfigFile.read(file);
    config.applyTo(registry);

    assertThat(config.entries()).extracting(ConfigFile.Entry::line).containsExactly(2, 4, 5, 6);
    assertThat(registry.longValue("http.port")).isEqualTo(9000);
    assertThat(registry.longValue("http.max-body-size")).isEqualTo(64L << 20);
    assertThat(registry.longValue("checkpoint.interval")).isEqualTo(30_000);
    assertThat(registry.stringValue("avatica.auth.password")).isEqualTo("a#b=c");
    assertThat(registry.source("http.port")).isEqualTo("file:" + file);
  }

  @Test
  void everyBadLineIsReportedWithFileLineAndValueAndTheGoodOnesApply() {
    Path file = Path.of("/etc/edgetimedb.conf");
    ConfigFile config = ConfigFile.parse(file, """
        http.port = 9000
        http.max-body-size = 12 parsecs
        http.prot = 80
        checkpoint.interval = 300
        """);

    assertThatThrownBy(() -> config.applyTo(registry)).isInstanceOf(ConfigFileException.class)
        .satisfies(e -> assertThat(((ConfigFileException) e).problems()).containsExactly(
            "/etc/edgetimedb.conf:2: setting 'http.max-body-size': '12 parsecs' is not a size (use e.g. 32MiB)",
            "/etc/edgetimedb.conf:3: unknown setting 'http.prot' (did you mean 'http.port'?)",
            "/etc/edgetimedb.conf:4: setting 'checkpoint.interval': '300' is not a duration (use e.g. 10ms, 30s or 5m)"));
    assertThat(registry.longValue("http.port")).isEqualTo(9000);
  }

  @Test
  void linesWithoutANameOrRepeatingOneAreRefused() {
    Path file = Path.of("a.conf");
    assertThatThrownBy(() -> ConfigFile.parse(file, "http.port 9000\n= 5\nhttp.port = 1\r\nhttp.port = 2\n"))
        .isInstanceOf(ConfigFileException.class)
        .hasMessage(String.join(System.lineSeparator(),
            "a.conf:1: expected 'name = value', found 'http.port 9000'",
            "a.conf:2: expected 'name = value', found '= 5'",
            "a.conf:4: setting 'http.port' is set again (first on line 3)"));
  }

  @Test
  void theReferenceTableListsEverySetting() {
    String table = SettingsReference.markdown(registry.settings());
    assertThat(table).contains("| `http.port` | `8086` | count | no (restart) | port |")
        .contains("| `avatica.auth.password` | (empty) | string | no (restart) | password |")
        .contains("| `checkpoint.interval` | `5m` | duration |");
  }
}
