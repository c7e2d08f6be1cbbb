package io.edgetimedb.engine.settings;

/** No setting has the given name; the message suggests the closest known one. */
public final class UnknownSettingException extends SettingException {
  UnknownSettingException(String name, String closest) {
    super(name, "unknown setting '" + name + "'" + (closest == null ? "" : " (did you mean '" + closest + "'?)"));
  }
}
