package io.edgetimedb.engine.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SettingsRegistryTest {
  private final AtomicLong clock = new AtomicLong(1_000);
  private final SettingsRegistry registry = new SettingsRegistry(clock::incrementAndGet);

  @BeforeEach
  void define() {
    registry.define(Setting.count("http.port", 8086, "port").range(0, 65_535));
    registry.define(Setting.bytes("http.max-body-size", 32L << 20, "body").changeable());
    registry.define(Setting.text("avatica.auth.password", "", "password").masked().changeable());
    registry.define(Setting.flag("avatica.tls.enabled", false, "tls"));
    registry.define(Setting.choice("wal.fsync", "group", List.of("group", "always", "os"), "fsync"));
  }

  @Test
  void definedSettingsStartAtTheirDefaultsAndAreListedByName() {
    assertThat(registry.settings()).extracting(Setting::name).containsExactly("avatica.auth.password",
        "avatica.tls.enabled", "http.max-body-size", "http.port", "wal.fsync");
    assertThat(registry.longValue("http.port")).isEqualTo(8086);
    assertThat(registry.booleanValue("avatica.tls.enabled")).isFalse();
    assertThat(registry.stringValue("wal.fsync")).isEqualTo("group");
    assertThat(registry.display("http.max-body-size")).isEqualTo("32MiB");
    assertThat(registry.source("http.port")).isEqualTo("default");
    assertThat(registry.isDefined("http.port")).isTrue();
    assertThat(registry.isDefined("http.bind")).isFalse();
    assertThat(registry.history()).hasSize(5).allSatisfy(c -> {
      assertThat(c.source()).isEqualTo("default");
      assertThat(c.oldValue()).isNull();
    });
  }

  @Test
  void aSettingCannotBeDefinedTwice() {
    assertThatThrownBy(() -> registry.define(Setting.count("http.port", 1, "again")))
        .hasMessage("setting 'http.port' is defined twice");
  }

  @Test
  void setChangesAnySettingAndRecordsItInTheHistory() {
    SettingChange change = registry.set("http.port", "9000", "file:/etc/edgetimedb.conf");

    assertThat(change).isEqualTo(new SettingChange(1_006, "http.port", "8086", "9000", "file:/etc/edgetimedb.conf"));
    assertThat(registry.longValue("http.port")).isEqualTo(9000);
    assertThat(registry.source("http.port")).isEqualTo("file:/etc/edgetimedb.conf");
    assertThat(registry.history()).last().isEqualTo(change);
    assertThat(registry.set("http.port", "9000", "again")).isNull();
    assertThat(registry.setValue("http.port", 9001L, "flag:--http-port").newValue()).isEqualTo("9001");
  }

  @Test
  void changeRefusesSettingsThatOnlyTakeEffectAtStartUp() {
    assertThatThrownBy(() -> registry.change("http.port", "9000", "sql:alice"))
        .isInstanceOf(ImmutableSettingException.class)
        .hasMessageStartingWith("setting 'http.port' cannot change while the database runs");
    assertThat(registry.longValue("http.port")).isEqualTo(8086);
  }

  @Test
  void unknownNamesSuggestTheClosestKnownOne() {
    assertThatThrownBy(() -> registry.change("http.prot", "1", "sql:alice"))
        .isInstanceOf(UnknownSettingException.class)
        .hasMessage("unknown setting 'http.prot' (did you mean 'http.port'?)")
        .extracting(e -> ((SettingException) e).settingName()).isEqualTo("http.prot");
    assertThatThrownBy(() -> registry.value("completely.different.thing"))
        .hasMessage("unknown setting 'completely.different.thing'");
  }

  @Test
  void listenersSeeChangesAndCanRefuseThem() {
    List<String> seen = new ArrayList<>();
    registry.addListener("http.max-body-size", (s, old, now) -> seen.add(s.name() + " " + old + " -> " + now));
    registry.change("http.max-body-size", "64MiB", "sql:alice");
    assertThat(seen).containsExactly("http.max-body-size 33554432 -> 67108864");

    registry.addListener("http.max-body-size", (s, old, now) -> {
      if ((Long) now > (100L << 20)) {
        throw new IllegalArgumentException("too large for this box");
      }
    });
    assertThatThrownBy(() -> registry.change("http.max-body-size", "1GiB", "sql:alice"))
        .isInstanceOf(InvalidSettingValueException.class)
        .hasMessage("setting 'http.max-body-size': '1GiB' was refused: too large for this box");
    assertThat(registry.display("http.max-body-size")).isEqualTo("64MiB");
    assertThat(registry.history()).last().extracting(SettingChange::newValue).isEqualTo("64MiB");
  }

  @Test
  void secretValuesAreMaskedInTheHistory() {
    registry.change("avatica.auth.password", "hunter2", "sql:alice");
    assertThat(registry.stringValue("avatica.auth.password")).isEqualTo("hunter2");
    assertThat(registry.display("avatica.auth.password")).isEqualTo(Setting.MASK);
    assertThat(registry.history()).last().satisfies(c -> {
      assertThat(c.oldValue()).isEmpty();
      assertThat(c.newValue()).isEqualTo(Setting.MASK);
    });
  }

  @Test
  void closestNameNeedsToBeCloseToBeSuggested() {
    assertThat(ClosestName.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(ClosestName.to("wal.fsinc", List.of("wal.fsync", "http.port"))).isEqualTo("wal.fsync");
    assertThat(ClosestName.to("zzz", List.of("wal.fsync"))).isNull();
  }
}
