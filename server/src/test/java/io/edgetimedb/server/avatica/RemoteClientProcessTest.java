package io.edgetimedb.server.avatica;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.server.ChildJvm;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A plain Avatica JDBC client in a separate JVM against the endpoint, as BI tools and apps reach it. */
class RemoteClientProcessTest {

  @Test
  void anAvaticaClientInItsOwnJvmBatchInsertsAndRunsAPreparedRangeQuery() throws Exception {
    try (AvaticaEndpoint endpoint = new AvaticaEndpoint(AvaticaSettings.defaults().withBindHost("127.0.0.1").withPort(0),
        "jdbc:edgetimedb:mem:client-process-" + UUID.randomUUID())) {
      endpoint.start();

      ChildJvm.Result client = ChildJvm.run("", RemoteQueryClient.class.getName(),
          "http://127.0.0.1:" + endpoint.port());

      assertThat(client.exitCode()).as(client.err()).isZero();
      // 1,800 s from 600 s on; values are s % 60, so 30 whole minutes of 0..59.
      assertThat(client.out().lines()).containsExactly("batch rows 3600", "range rows 1800",
          "range first ts 600000", "range sum " + 30 * 1770.0);
    }
  }
}
