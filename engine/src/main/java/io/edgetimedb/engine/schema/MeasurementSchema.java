package io.edgetimedb.engine.schema;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Tag keys and fields of one measurement, grown by writes. Lookups read copy-on-write maps
 * without locking or allocating; the rare additions and widenings take the lock and record a
 * {@link SchemaChange}.
 */
public final class MeasurementSchema {
  private final String measurement;
  private final SchemaHistory history;
  private volatile Map<String, FieldSchema> fieldsByName = Map.of();
  private volatile List<FieldSchema> fieldsById = List.of();
  private volatile Map<String, String> tagKeys = Map.of();

  public MeasurementSchema(String measurement, SchemaHistory history) {
    this.measurement = measurement;
    this.history = history;
  }

  public String measurement() {
    return measurement;
  }

  /** The field with that name, or null. */
  public FieldSchema field(String name) {
    return fieldsByName.get(name);
  }

  public FieldSchema fieldById(int id) {
    return fieldsById.get(id);
  }

  /** Fields in the order they appeared (their ids). */
  public List<FieldSchema> fields() {
    return fieldsById;
  }

  public boolean hasTagKey(String key) {
    return tagKeys.containsKey(key);
  }

  /** The measurement's tag keys, sorted. */
  public SortedSet<String> tagKeys() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(tagKeys.keySet()));
  }

  /**
   * Why a field of this type cannot be written, or null when it can (possibly after widening).
   * Called before a point is applied so a refusal loses nothing else.
   */
  public String fieldProblem(String name, FieldType written) {
    if (tagKeys.containsKey(name)) {
      return "field '" + name + "' of measurement '" + measurement + "' is already a tag key";
    }
    FieldSchema existing = fieldsByName.get(name);
    if (existing != null && existing.type().widenWith(written) == null) {
      return "field '" + name + "' of measurement '" + measurement + "' is " + existing.type()
          + " and cannot take a " + written + " value";
    }
    return null;
  }

  /** Why this tag key cannot be used, or null. */
  public String tagKeyProblem(String key) {
    if (fieldsByName.containsKey(key)) {
      return "tag key '" + key + "' of measurement '" + measurement + "' is already a field";
    }
    return null;
  }

  /**
   * The field for a written value, created or widened as needed. The caller has checked
   * {@link #fieldProblem}; a conflict that appeared since (another writer) still throws.
   */
  public FieldSchema fieldFor(String name, FieldType written, String source, long nowMillis) {
    FieldSchema existing = fieldsByName.get(name);
    if (existing != null && existing.type().widenWith(written) == existing.type()) {
      return existing;
    }
    return addOrWiden(name, written, source, nowMillis);
  }

  private synchronized FieldSchema addOrWiden(String name, FieldType written, String source, long now) {
    FieldSchema existing = fieldsByName.get(name);
    if (existing == null && tagKeys.containsKey(name)) {
      throw new IllegalArgumentException(fieldProblem(name, written));
    }
    if (existing == null) {
      FieldSchema created = appendField(name, written);
      history.record(new SchemaChange(now, measurement, SchemaChange.Kind.FIELD_ADDED, name, null, written, source));
      return created;
    }
    FieldType from = existing.type();
    FieldType wider = from.widenWith(written);
    if (wider == null) {
      throw new IllegalArgumentException(fieldProblem(name, written));
    }
    if (wider != from) {
      existing.widenTo(wider);
      history.record(new SchemaChange(now, measurement, SchemaChange.Kind.FIELD_WIDENED, name, from, wider, source));
    }
    return existing;
  }

  /**
   * Records a tag key the first time a series of this measurement carries it; throws when a
   * field already has that name (the caller checked, but an earlier point of the same batch
   * may have added the field since).
   */
  public void useTagKey(String key, String source, long nowMillis) {
    if (!tagKeys.containsKey(key)) {
      addTagKey(key, source, nowMillis);
    }
  }

  private synchronized void addTagKey(String key, String source, long now) {
    if (tagKeys.containsKey(key)) {
      return;
    }
    if (fieldsByName.containsKey(key)) {
      throw new IllegalArgumentException(tagKeyProblem(key));
    }
    Map<String, String> keys = new HashMap<>(tagKeys);
    keys.put(key, key);
    tagKeys = keys;
    history.record(new SchemaChange(now, measurement, SchemaChange.Kind.TAG_KEY_ADDED, key, null, null, source));
  }

  /** Recreates a field from a checkpoint: the next id, the given type, no history entry. */
  public synchronized void restoreField(String name, FieldType type) {
    appendField(name, type);
  }

  private FieldSchema appendField(String name, FieldType type) {
    FieldSchema field = new FieldSchema(name, fieldsById.size(), type);
    List<FieldSchema> ids = new ArrayList<>(fieldsById);
    ids.add(field);
    Map<String, FieldSchema> names = new HashMap<>(fieldsByName);
    names.put(name, field);
    fieldsById = List.copyOf(ids);
    fieldsByName = names;
    return field;
  }

  /** Recreates a tag key from a checkpoint, with no history entry. */
  public synchronized void restoreTagKey(String key) {
    Map<String, String> keys = new HashMap<>(tagKeys);
    keys.put(key, key);
    tagKeys = keys;
  }
}
