package io.edgetimedb.engine.settings;

/**
 * A value is not acceptable for a setting, as in {@code setting 'http.max-body-size': '12
 * parsecs' is not a size (use e.g. 32MiB)}.
 */
public final class InvalidSettingValueException extends SettingException {
  InvalidSettingValueException(Setting setting, String text, String problem) {
    super(setting.name(), "setting '" + setting.name() + "': '" + (setting.secret() ? Setting.MASK : text) + "' "
        + problem);
  }

  /** A value the setting's type accepted but the component using it refused. */
  public static InvalidSettingValueException refused(Setting setting, String text, String reason) {
    return new InvalidSettingValueException(setting, text, "was refused: " + reason);
  }
}
