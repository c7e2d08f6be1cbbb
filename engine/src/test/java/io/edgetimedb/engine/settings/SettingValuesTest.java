package io.edgetimedb.engine.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SettingValuesTest {
  private final Setting size = Setting.bytes("http.max-body-size", 32L << 20, "body");
  private final Setting window = Setting.duration("ingest.out-of-order-window", 3_600_000L, "window");

  @Test
  void sizesTakeBinaryAndDecimalUnits() {
    assertThat(size.parse("32MiB")).isEqualTo(32L << 20);
    assertThat(size.parse("32 mib")).isEqualTo(32L << 20);
    assertThat(size.parse("1.5GiB")).isEqualTo(3L << 29);
    assertThat(size.parse("500kB")).isEqualTo(500_000L);
    assertThat(size.parse("2M")).isEqualTo(2L << 20);
    assertThat(size.parse("4096")).isEqualTo(4096L);
    assertThat(size.parse("10B")).isEqualTo(10L);
    assertThat(size.parse("1_000")).isEqualTo(1000L);
  }

  @Test
  void sizesFormatInTheLargestExactBinaryUnit() {
    assertThat(size.format(32L << 20)).isEqualTo("32MiB");
    assertThat(size.format(1000L)).isEqualTo("1000B");
    assertThat(size.format(0L)).isEqualTo("0B");
    assertThat(size.format(3L << 40)).isEqualTo("3TiB");
    assertThat(size.format(5L << 50)).isEqualTo("5120TiB");
  }

  @Test
  void aBadSizeNamesSettingValueAndAnExample() {
    assertThatThrownBy(() -> size.parse("12 parsecs")).isInstanceOf(InvalidSettingValueException.class)
        .hasMessage("setting 'http.max-body-size': '12 parsecs' is not a size (use e.g. 32MiB)");
    assertThatThrownBy(() -> size.parse("MiB")).hasMessageContaining("is not a size");
    assertThatThrownBy(() -> size.parse("1.2.3MiB")).hasMessageContaining("is not a size");
    assertThatThrownBy(() -> size.parse("0.5B")).hasMessageContaining("is not a size");
  }

  @Test
  void durationsNeedAUnit() {
    assertThat(window.parse("10ms")).isEqualTo(10L);
    assertThat(window.parse("30s")).isEqualTo(30_000L);
    assertThat(window.parse("5m")).isEqualTo(300_000L);
    assertThat(window.parse("5 min")).isEqualTo(300_000L);
    assertThat(window.parse("1.5h")).isEqualTo(5_400_000L);
    assertThat(window.parse("7d")).isEqualTo(7 * 86_400_000L);
    assertThatThrownBy(() -> window.parse("300")).hasMessage(
        "setting 'ingest.out-of-order-window': '300' is not a duration (use e.g. 10ms, 30s or 5m)");
  }

  @Test
  void durationsFormatInTheLargestExactUnit() {
    assertThat(window.format(0L)).isEqualTo("0ms");
    assertThat(window.format(10L)).isEqualTo("10ms");
    assertThat(window.format(300_000L)).isEqualTo("5m");
    assertThat(window.format(3_600_000L)).isEqualTo("1h");
    assertThat(window.format(172_800_000L)).isEqualTo("2d");
    assertThat(window.format(1_500L)).isEqualTo("1500ms");
    assertThat(window.format(90_000L)).isEqualTo("90s");
  }

  @Test
  void countsBooleansStringsAndChoices() {
    Setting rows = Setting.count("storage.chunk-rows", 1024, "rows").range(1, 65_536);
    assertThat(rows.parse("2_048")).isEqualTo(2048L);
    assertThatThrownBy(() -> rows.parse("0")).hasMessage(
        "setting 'storage.chunk-rows': '0' is out of range: must be at least 1 and at most 65536");
    assertThatThrownBy(() -> rows.parse("many")).hasMessageContaining("is not a whole number");

    Setting flag = Setting.flag("a.flag", false, "f");
    assertThat(flag.parse("on")).isEqualTo(true);
    assertThat(flag.parse("NO")).isEqualTo(false);
    assertThat(flag.parse("yes")).isEqualTo(true);
    assertThatThrownBy(() -> flag.parse("maybe")).hasMessageContaining("is not a boolean (use e.g. true or false)");

    Setting fsync = Setting.choice("wal.fsync", "GROUP", List.of("group", "always", "os"), "f");
    assertThat(fsync.defaultValue()).isEqualTo("group");
    assertThat(fsync.parse(" Always ")).isEqualTo("always");
    assertThatThrownBy(() -> fsync.parse("never")).hasMessage(
        "setting 'wal.fsync': 'never' is not one of group, always, os");
    assertThatThrownBy(() -> Setting.choice("wal.fsync", "x", List.of("group"), "f"))
        .hasMessageContaining("not a choice");

    Setting text = Setting.text("http.bind", "0.0.0.0", "b");
    assertThat(text.parse("")).isEqualTo("");
  }

  @Test
  void secretsAreMaskedInDisplaysAndErrors() {
    Setting password = Setting.count("avatica.auth.pin", 0, "p").masked().range(0, 9999);
    assertThat(password.display(1234L)).isEqualTo(Setting.MASK);
    assertThatThrownBy(() -> password.parse("12345")).hasMessageContaining("'" + Setting.MASK + "'")
        .hasMessageNotContaining("12345");
    assertThat(Setting.text("avatica.auth.password", "", "p").masked().display("")).isEmpty();
  }

  @Test
  void namesAreDottedLowerCaseWords() {
    assertThatThrownBy(() -> Setting.count("port", 1, "d")).hasMessageContaining("not dotted");
    assertThatThrownBy(() -> Setting.count("Http.Port", 1, "d")).hasMessageContaining("not dotted");
    assertThatThrownBy(() -> Setting.count("a.b", 5, "d").range(6, 7)).hasMessageContaining("out of range");
  }
}
