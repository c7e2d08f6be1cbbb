package io.edgetimedb.engine.schema;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.RandomAccess;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tag keys and fields of one measurement, grown by writes. Lookups take no lock and allocate
 * nothing; the rare additions and widenings take the lock and record a {@link SchemaChange}.
 *
 * <p>Adding a field or tag key costs the same whatever the schema's size: one entry in a
 * concurrent map and one slot of an append-only array that doubles when full. (Copying a map
 * per field made one line of 40,000 new fields take minutes under the ingest lock.) A field
 * counts as added once {@link #fieldCount} is published, after its map entry and array slot:
 * every lookup reads the count and ignores entries beyond it, so no reader sees a field by name
 * that {@link #fields()} lacks, or the reverse.
 */
public final class MeasurementSchema {
  private final String measurement;
  private final SchemaHistory history;
  private final Map<String, FieldSchema> fieldsByName = new ConcurrentHashMap<>();
  /** Slots {@code [0, fieldCount)} are final once published; a grown array is a copy. */
  private volatile FieldSchema[] fieldsById = new FieldSchema[8];
  private volatile int fieldCount;
  private final Set<String> tagKeys = ConcurrentHashMap.newKeySet();

  public MeasurementSchema(String measurement, SchemaHistory history) {
    this.measurement = measurement;
    this.history = history;
  }

  public String measurement() {
    return measurement;
  }

  /** The field with that name, or null. */
  public FieldSchema field(String name) {
    FieldSchema field = fieldsByName.get(name);
    return field == null || field.id() >= fieldCount ? null : field;
  }

  public FieldSchema fieldById(int id) {
    int count = fieldCount;
    if (id >= count) {
      throw new IndexOutOfBoundsException("field id " + id + " of measurement '" + measurement + "' with "
          + count + " fields");
    }
    return fieldsById[id];
  }

  /** Fields in the order they appeared (their ids), as they stand now; later additions do not show. */
  /** How many fields the measurement has: {@code fields().size()} without the list. */
  public int fieldCount() {
    return fieldCount;
  }

  public List<FieldSchema> fields() {
    int count = fieldCount;
    return new FieldPrefix(fieldsById, count);
  }

  public boolean hasTagKey(String key) {
    return tagKeys.contains(key);
  }

  /** The measurement's tag keys, sorted. */
  public SortedSet<String> tagKeys() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(tagKeys));
  }

  /**
   * Why a field of this type cannot be written, or null when it can (possibly after widening).
   * Called before a point is applied so a refusal loses nothing else.
   */
  public String fieldProblem(String name, FieldType written) {
    if (tagKeys.contains(name)) {
      return "field '" + name + "' of measurement '" + measurement + "' is already a tag key";
    }
    FieldSchema existing = field(name);
    if (existing != null && existing.type().widenWith(written) == null) {
      return "field '" + name + "' of measurement '" + measurement + "' is " + existing.type()
          + " and cannot take a " + written + " value";
    }
    return null;
  }

  /** Why this tag key cannot be used, or null. */
  public String tagKeyProblem(String key) {
    if (field(key) != null) {
      return "tag key '" + key + "' of measurement '" + measurement + "' is already a field";
    }
    return null;
  }

  /**
   * The field for a written value, created or widened as needed. The caller has checked
   * {@link #fieldProblem}; a conflict that appeared since (another writer) still throws.
   */
  public FieldSchema fieldFor(String name, FieldType written, String source, long nowMillis) {
    FieldSchema existing = field(name);
    if (existing != null && existing.type().widenWith(written) == existing.type()) {
      return existing;
    }
    return addOrWiden(name, written, source, nowMillis);
  }

  private synchronized FieldSchema addOrWiden(String name, FieldType written, String source, long now) {
    FieldSchema existing = fieldsByName.get(name);
    if (existing == null && tagKeys.contains(name)) {
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
    if (!tagKeys.contains(key)) {
      addTagKey(key, source, nowMillis);
    }
  }

  private synchronized void addTagKey(String key, String source, long now) {
    if (tagKeys.contains(key)) {
      return;
    }
    if (fieldsByName.containsKey(key)) {
      throw new IllegalArgumentException(tagKeyProblem(key));
    }
    tagKeys.add(key);
    history.record(new SchemaChange(now, measurement, SchemaChange.Kind.TAG_KEY_ADDED, key, null, null, source));
  }

  /** Recreates a field from a checkpoint: the next id, the given type, no history entry. */
  public synchronized void restoreField(String name, FieldType type) {
    appendField(name, type);
  }

  /** Called holding the lock; the count is published last, which makes the field visible. */
  private FieldSchema appendField(String name, FieldType type) {
    int id = fieldCount;
    FieldSchema field = new FieldSchema(name, id, type);
    FieldSchema[] slots = fieldsById;
    if (id == slots.length) {
      slots = Arrays.copyOf(slots, 2 * id);
    }
    slots[id] = field;
    fieldsById = slots;
    fieldsByName.put(name, field);
    fieldCount = id + 1;
    return field;
  }

  /** Recreates a tag key from a checkpoint, with no history entry. */
  public synchronized void restoreTagKey(String key) {
    tagKeys.add(key);
  }

  /** The first {@code size} fields of an array whose slots below {@code size} never change. */
  private static final class FieldPrefix extends AbstractList<FieldSchema> implements RandomAccess {
    private final FieldSchema[] fields;
    private final int size;

    FieldPrefix(FieldSchema[] fields, int size) {
      this.fields = fields;
      this.size = size;
    }

    @Override
    public FieldSchema get(int index) {
      return fields[Objects.checkIndex(index, size)];
    }

    @Override
    public int size() {
      return size;
    }
  }
}
