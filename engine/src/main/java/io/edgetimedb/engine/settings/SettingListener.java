package io.edgetimedb.engine.settings;

/**
 * Told when a setting changes, after the value is stored. A listener that cannot apply the value
 * throws {@link IllegalArgumentException}: the registry then restores the old value and reports
 * the refusal to whoever made the change.
 */
@FunctionalInterface
public interface SettingListener {
  void changed(Setting setting, Object oldValue, Object newValue);
}
