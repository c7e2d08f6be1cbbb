package io.edgetimedb.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.server.ChildJvm;
import io.edgetimedb.server.avatica.AvaticaEndpoint;
import io.edgetimedb.server.avatica.AvaticaSettings;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** sqlline, started by {@code edgetimedb shell URL} in its own JVM, typing SQL at a running endpoint. */
class ShellCommandTest {

  @Test
  void statementsTypedIntoTheShellRunOnTheServer() throws Exception {
    try (AvaticaEndpoint endpoint = new AvaticaEndpoint(
        AvaticaSettings.defaults().withBindHost("127.0.0.1").withPort(0), "jdbc:edgetimedb:mem:shell-" + UUID.randomUUID())) {
      endpoint.start();
      String typed = String.join("\n",
          "CREATE MEASUREMENT boiler (site TAG, temp DOUBLE);",
          "INSERT INTO boiler (ts, site, temp) VALUES (TIMESTAMP '2024-05-01 10:00:00', 'north', 71.5),"
              + " (TIMESTAMP '2024-05-01 10:00:01', 'north', 72.25);",
          "SELECT site, temp FROM boiler ORDER BY ts;",
          "!quit", "");

      ChildJvm.Result shell = ChildJvm.run(typed, EdgeTimeDbCommand.class.getName(), "shell",
          "jdbc:edgetimedb:remote:url=http://127.0.0.1:" + endpoint.port());

      assertThat(shell.exitCode()).as(shell.err()).isZero();
      assertThat(shell.out())
          .containsPattern("\\|\\s*site\\s*\\|\\s*temp\\s*\\|")
          .containsPattern("\\|\\s*north\\s*\\|\\s*71\\.5\\s*\\|")
          .containsPattern("\\|\\s*north\\s*\\|\\s*72\\.25\\s*\\|");
      // sqlline reports on stderr.
      assertThat(shell.err()).contains("2 rows selected");
    }
  }

  /** What a user browsing with sqlline sees: tables of both schemas, columns with their types, no keys. */
  @Test
  void theShellListsTablesAndColumnsWithTypes() throws Exception {
    try (AvaticaEndpoint endpoint = new AvaticaEndpoint(
        AvaticaSettings.defaults().withBindHost("127.0.0.1").withPort(0), "jdbc:edgetimedb:mem:shell-" + UUID.randomUUID())) {
      endpoint.start();
      String typed = String.join("\n",
          "CREATE MEASUREMENT boiler (site TAG, temp DOUBLE, alarms BIGINT);",
          "!tables", "!columns boiler", "!primarykeys boiler", "!quit", "");

      ChildJvm.Result shell = ChildJvm.run(typed, EdgeTimeDbCommand.class.getName(), "shell",
          "jdbc:edgetimedb:remote:url=http://127.0.0.1:" + endpoint.port());

      assertThat(shell.exitCode()).as(shell.err()).isZero();
      assertThat(shell.out())
          .containsPattern("\\|\\s*edge\\s*\\|\\s*boiler\\s*\\|\\s*TABLE")
          .containsPattern("\\|\\s*sys\\s*\\|\\s*storage\\s*\\|")
          .containsPattern("\\|\\s*boiler\\s*\\|\\s*ts\\s*\\|\\s*93\\s*\\|\\s*TIMESTAMP")
          .containsPattern("\\|\\s*boiler\\s*\\|\\s*site\\s*\\|\\s*12\\s*\\|\\s*VARCHAR")
          .containsPattern("\\|\\s*boiler\\s*\\|\\s*temp\\s*\\|\\s*8\\s*\\|\\s*DOUBLE")
          .containsPattern("\\|\\s*boiler\\s*\\|\\s*alarms\\s*\\|\\s*-5\\s*\\|\\s*BIGINT");
      assertThat(shell.err()).doesNotContain("Error");
    }
  }
}
