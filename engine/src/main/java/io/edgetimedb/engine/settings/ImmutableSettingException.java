package io.edgetimedb.engine.settings;

/** A setting that only takes effect at start-up was changed while the database runs. */
public final class ImmutableSettingException extends SettingException {
  ImmutableSettingException(String name) {
    super(name, "setting '" + name + "' cannot change while the database runs: set it in the configuration "
        + "file or on the command line and restart");
  }
}
