package io.edgetimedb.engine.settings;

/**
 * A setting could not be read or changed; the message names the setting and, where there is
 * one, the value. The subclasses say why, so that callers (SQL, the config file) can classify.
 */
public abstract class SettingException extends IllegalArgumentException {
  private final String settingName;

  SettingException(String settingName, String message) {
    super(message);
    this.settingName = settingName;
  }

  /** The name as it was given. */
  public String settingName() {
    return settingName;
  }
}
