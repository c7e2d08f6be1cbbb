package io.edgetimedb.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.ReadOnlyException;
import io.edgetimedb.engine.StorageException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Storage refusals reach JDBC clients with a SQLSTATE that tells a passing shortage from a failure. */
class SqlStatesTest {
  @Test
  void aReadOnlyDatabaseIsDiskFullAndOtherStorageFailuresAreIoErrors() {
    assertThat(SqlStates.of(new RuntimeException(new ReadOnlyException("write not acknowledged, read-only", null))))
        .isEqualTo("53100");
    assertThat(SqlStates.of(new StorageException("write not acknowledged: EIO", new IOException("EIO"))))
        .isEqualTo("58030");
  }
}
