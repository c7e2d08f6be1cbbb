package io.edgetimedb.jdbc;

import io.edgetimedb.engine.EngineSettings;
import io.edgetimedb.engine.settings.InvalidSettingValueException;
import io.edgetimedb.engine.settings.SettingsRegistry;
import io.edgetimedb.engine.settings.UnknownSettingException;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

/**
 * Engine settings given with an embedded URL, {@code jdbc:edgetimedb:file:/data;wal.fsync=always;
 * wal.segment-size=8MiB}: the way an application that embeds the database sets what the server
 * takes from its configuration file. They apply when the database opens; a later connection to
 * the open database may repeat them but not change them (SET changes those that may change at
 * run time). A property in one of the engine's groups ({@code wal.}, {@code ingest.}, ...) that
 * names no setting is refused, so a misspelt setting does not pass unnoticed; other properties
 * (timeZone, user, ...) are the connection's and are not looked at here.
 */
final class UrlSettings {
  /** Invalid parameter value: a setting's value that does not parse or is out of range. */
  static final String INVALID_VALUE = "22023";
  /** The connection is refused: it asks for settings the open database does not have. */
  static final String REFUSED = "08004";
  /** Undefined object: a property in a settings group that names no setting. */
  static final String UNKNOWN = "42704";

  private final SettingsRegistry registry = new SettingsRegistry();
  private final TreeSet<String> named = new TreeSet<>();

  private UrlSettings() {
    EngineSettings.define(registry);
  }

  /**
   * The engine's settings with the URL's values over the defaults.
   *
   * @throws SQLException 22023 naming the setting whose value is not valid
   */
  static UrlSettings of(Properties properties) throws SQLException {
    UrlSettings settings = new UrlSettings();
    Set<String> groups = settings.groups();
    for (String name : properties.stringPropertyNames()) {
      if (name.contains(".") && groups.contains(name.substring(0, name.indexOf('.')))) {
        settings.set(name, properties.getProperty(name));
      }
    }
    return settings;
  }

  /** The first parts of the engine's setting names: {@code wal}, {@code ingest}, {@code memory}, ... */
  private Set<String> groups() {
    Set<String> groups = new HashSet<>();
    registry.settings().stream().map(s -> s.name()).filter(n -> n.indexOf('.') > 0)
        .forEach(n -> groups.add(n.substring(0, n.indexOf('.'))));
    return groups;
  }

  private void set(String name, String value) throws SQLException {
    try {
      registry.set(name, value, "url");
      named.add(name);
    } catch (UnknownSettingException e) {
      throw new SQLException(e.getMessage() + " in the URL", UNKNOWN, e);
    } catch (InvalidSettingValueException e) {
      throw new SQLException(e.getMessage() + " in the URL", INVALID_VALUE, e);
    }
  }

  /** The registry to open the database with: defaults, then the URL's values. */
  SettingsRegistry registry() {
    return registry;
  }

  /**
   * Checks that the open database has every value this URL names.
   *
   * @throws SQLException 08004 naming the first setting that differs
   */
  void checkHeldBy(SettingsRegistry open, String database) throws SQLException {
    for (String name : named) {
      if (!Objects.equals(registry.value(name), open.value(name))) {
        throw new SQLException(database + " is already open with " + name + " = " + open.display(name)
            + "; this URL asks for " + registry.display(name) + ". Settings in a URL apply when the database opens:"
            + " close its other connections first" + (open.setting(name).mutable() ? ", or use SET " + name : ""),
            REFUSED);
      }
    }
  }
}
