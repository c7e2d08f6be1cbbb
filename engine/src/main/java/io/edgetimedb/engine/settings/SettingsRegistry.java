package io.edgetimedb.engine.settings;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.LongSupplier;

/**
 * The settings of one database and the server around it: definitions, current values, change
 * listeners and the history of every change. Components define their settings once ({@link
 * #define}); start-up code fills in values from the configuration file and the command line
 * ({@link #set}, any setting); at run time only settings defined {@link Setting#changeable()} may
 * change ({@link #change}). Thread-safe; changes are serialised, so listeners see them in order.
 */
public final class SettingsRegistry {
  private final Map<String, Setting> settings = new TreeMap<>();
  private final Map<String, Object> values = new HashMap<>();
  private final Map<String, String> sources = new HashMap<>();
  private final Map<String, List<SettingListener>> listeners = new HashMap<>();
  private final List<SettingChange> history = new CopyOnWriteArrayList<>();
  private final LongSupplier clock;

  public SettingsRegistry() {
    this(System::currentTimeMillis);
  }

  /** A registry that stamps history entries with {@code clock} (tests). */
  public SettingsRegistry(LongSupplier clock) {
    this.clock = clock;
  }

  /**
   * Adds a setting at its default value, recorded in the history with source {@code default}.
   *
   * @throws IllegalArgumentException when a setting of that name exists already
   */
  public synchronized void define(Setting setting) {
    if (settings.containsKey(setting.name())) {
      throw new IllegalArgumentException("setting '" + setting.name() + "' is defined twice");
    }
    settings.put(setting.name(), setting);
    values.put(setting.name(), setting.defaultValue());
    sources.put(setting.name(), "default");
    history.add(new SettingChange(clock.getAsLong(), setting.name(), null, setting.display(setting.defaultValue()),
        "default"));
  }

  public synchronized boolean isDefined(String name) {
    return settings.containsKey(name);
  }

  /**
   * The definition of a setting.
   *
   * @throws UnknownSettingException suggesting the closest known name
   */
  public synchronized Setting setting(String name) {
    Setting setting = settings.get(name);
    if (setting == null) {
      throw new UnknownSettingException(name, ClosestName.to(name, settings.keySet()));
    }
    return setting;
  }

  /** Every setting, by name. */
  public synchronized List<Setting> settings() {
    return List.copyOf(settings.values());
  }

  /** The current value: Long for bytes, durations (milliseconds) and counts, Boolean, String. */
  public synchronized Object value(String name) {
    setting(name);
    return values.get(name);
  }

  /** The current value as text, secrets masked. */
  public synchronized String display(String name) {
    return setting(name).display(values.get(name));
  }

  /** Who set the current value, in the history's terms ({@code default}, {@code file:...}). */
  public synchronized String source(String name) {
    setting(name);
    return sources.get(name);
  }

  /** The value of a bytes, duration or count setting. */
  public long longValue(String name) {
    return (Long) value(name);
  }

  public boolean booleanValue(String name) {
    return (Boolean) value(name);
  }

  /** The value of a string or enum setting. */
  public String stringValue(String name) {
    return (String) value(name);
  }

  /**
   * Sets any setting, mutable or not: for start-up, before the components that read immutable
   * settings have started. Returns the recorded change, or null when the value was already that.
   *
   * @throws UnknownSettingException for an unknown name
   * @throws InvalidSettingValueException for a value of the wrong type or out of range
   */
  public synchronized SettingChange set(String name, String text, String source) {
    Setting setting = setting(name);
    return store(setting, setting.parse(text), text, source);
  }

  /**
   * Changes a setting while the database runs; listeners apply the new value before this returns.
   *
   * @throws ImmutableSettingException when the setting only takes effect at start-up
   * @throws UnknownSettingException for an unknown name
   * @throws InvalidSettingValueException for a bad value, or one a listener refused
   */
  public synchronized SettingChange change(String name, String text, String source) {
    Setting setting = setting(name);
    if (!setting.mutable()) {
      throw new ImmutableSettingException(name);
    }
    return store(setting, setting.parse(text), text, source);
  }

  /** Sets a value given as its type's object (Long, Boolean, String), as {@link #set} does. */
  public synchronized SettingChange setValue(String name, Object value, String source) {
    Setting setting = setting(name);
    return set(name, setting.format(value), source);
  }

  private SettingChange store(Setting setting, Object value, String text, String source) {
    Object old = values.get(setting.name());
    if (old.equals(value)) {
      return null;
    }
    values.put(setting.name(), value);
    try {
      for (SettingListener listener : listeners.getOrDefault(setting.name(), List.of())) {
        listener.changed(setting, old, value);
      }
    } catch (IllegalArgumentException refused) {
      values.put(setting.name(), old);
      throw InvalidSettingValueException.refused(setting, text, refused.getMessage());
    }
    sources.put(setting.name(), source);
    SettingChange change = new SettingChange(clock.getAsLong(), setting.name(), setting.display(old),
        setting.display(value), source);
    history.add(change);
    return change;
  }

  /** Calls {@code listener} after every change of the named setting. */
  public synchronized void addListener(String name, SettingListener listener) {
    setting(name);
    listeners.computeIfAbsent(name, n -> new ArrayList<>()).add(listener);
  }

  /** Every change so far, oldest first, starting with one default entry per setting. */
  public List<SettingChange> history() {
    return Collections.unmodifiableList(new ArrayList<>(history));
  }
}
