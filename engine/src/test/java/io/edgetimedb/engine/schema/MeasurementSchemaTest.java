package io.edgetimedb.engine.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MeasurementSchemaTest {
  private final SchemaHistory history = new SchemaHistory();
  private final MeasurementSchema schema = new MeasurementSchema("m", history);

  @Test
  void createsAndWidensFieldsOnce() {
    FieldSchema a = schema.fieldFor("a", FieldType.BIGINT, "src", 1);
    assertThat(schema.fieldFor("a", FieldType.BOOLEAN, "src", 2)).isSameAs(a);
    assertThat(a.type()).isEqualTo(FieldType.BIGINT);
    schema.fieldFor("a", FieldType.DOUBLE, "src", 3);
    assertThat(a.type()).isEqualTo(FieldType.DOUBLE);
    assertThat(a.toString()).isEqualTo("a DOUBLE");
    assertThat(schema.fieldById(0)).isSameAs(a);
    assertThat(history.size()).isEqualTo(2);
    assertThat(schema.measurement()).isEqualTo("m");
  }

  @Test
  void refusesBytesAgainstOtherTypes() {
    schema.fieldFor("b", FieldType.VARBINARY, "src", 1);
    assertThat(schema.fieldProblem("b", FieldType.VARCHAR)).contains("is VARBINARY and cannot take a VARCHAR value");
    assertThatThrownBy(() -> schema.fieldFor("b", FieldType.BIGINT, "src", 2))
        .hasMessageContaining("cannot take a BIGINT value");
  }

  @Test
  void keepsTagKeysAndFieldsApart() {
    schema.useTagKey("site", "src", 1);
    schema.useTagKey("site", "src", 2);
    schema.fieldFor("v", FieldType.DOUBLE, "src", 3);
    assertThat(schema.tagKeys()).containsExactly("site");
    assertThat(schema.hasTagKey("site")).isTrue();
    assertThat(schema.fieldProblem("site", FieldType.DOUBLE)).contains("already a tag key");
    assertThat(schema.tagKeyProblem("v")).contains("already a field");
    assertThat(schema.tagKeyProblem("other")).isNull();
    assertThat(history.changes()).extracting(SchemaChange::kind)
        .containsExactly(SchemaChange.Kind.TAG_KEY_ADDED, SchemaChange.Kind.FIELD_ADDED);
  }

  /**
   * One line of 40,000 new fields once took 108 s under the ingest lock: every new field copied
   * the whole name map. Adding a field must cost the same whatever the schema's size, counted
   * here in bytes allocated (deterministic, not a timing): copying would allocate hundreds of
   * kilobytes per field at this size, sharing a few hundred bytes.
   */
  @Test
  void addingAFieldOrTagKeyCostsTheSameWhateverTheSchemaSize() {
    int n = 20_000;
    String[] fields = IntStream.range(0, n).mapToObj(i -> "f" + i).toArray(String[]::new);
    String[] keys = IntStream.range(0, n).mapToObj(i -> "k" + i).toArray(String[]::new);

    long fieldBytes = allocatedBy(() -> {
      for (String name : fields) {
        schema.fieldFor(name, FieldType.DOUBLE, "src", 1);
      }
    });
    long keyBytes = allocatedBy(() -> {
      for (String key : keys) {
        schema.useTagKey(key, "src", 1);
      }
    });

    assertThat(fieldBytes).as("bytes allocated per field").isLessThan(1024L * n);
    assertThat(keyBytes).as("bytes allocated per tag key").isLessThan(1024L * n);
    assertThat(schema.fields()).hasSize(n);
    assertThat(schema.field("f12345").id()).isEqualTo(12345);
    assertThat(schema.fieldById(n - 1).name()).isEqualTo("f" + (n - 1));
    assertThat(schema.tagKeys()).hasSize(n);
    assertThat(history.size()).isEqualTo(2 * n);
  }

  private static long allocatedBy(Runnable work) {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long before = threads.getCurrentThreadAllocatedBytes();
    work.run();
    return threads.getCurrentThreadAllocatedBytes() - before;
  }
}
