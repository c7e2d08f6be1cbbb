package io.edgetimedb.server.avatica;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgetimedb.engine.settings.SettingsRegistry;
import io.edgetimedb.server.ServerSettings;
import io.edgetimedb.server.security.SecuritySettings;
import io.edgetimedb.server.security.Users;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.apache.calcite.avatica.AvaticaSqlException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Remote users log in with BASIC authentication against the users file, and their connections
 * have their role, whatever user the client claims; errors reach them without the server's stack traces.
 */
class AvaticaUsersTest {
  @TempDir
  Path dir;

  private AvaticaEndpoint endpoint;
  private String url;

  @BeforeEach
  void start() throws Exception {
    Path file = Files.writeString(dir.resolve("users"), """
        alice    admin  plain:a
        grafana  read   plain:g
        """);
    SettingsRegistry settings = ServerSettings.registry();
    settings.set(SecuritySettings.USERS_FILE, file.toString(), "test");
    endpoint = new AvaticaEndpoint(AvaticaSettings.defaults().withUsers(Users.from(settings)).withPort(0),
        "jdbc:edgetimedb:mem:users-" + UUID.randomUUID());
    endpoint.start();
    url = "jdbc:edgetimedb:remote:url=http://127.0.0.1:" + endpoint.port();
    try (Connection admin = DriverManager.getConnection(url + ";user=alice;password=a")) {
      execute(admin, "CREATE MEASUREMENT boiler (site TAG, temp DOUBLE)");
      execute(admin, "INSERT INTO boiler (ts, site, temp) VALUES (TIMESTAMP '2026-01-01 00:00:00', 'A', 21.5)");
    }
  }

  @AfterEach
  void stop() {
    endpoint.close();
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static String user(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM boiler")) {
      rs.next();
      return c.getMetaData().getUserName() + ":" + rs.getLong(1);
    }
  }

  @Test
  void withoutCredentialsOrWithWrongOnesNobodyGetsIn() {
    assertThatThrownBy(() -> DriverManager.getConnection(url)).isInstanceOf(SQLException.class).hasMessageContaining("401");
    assertThatThrownBy(() -> DriverManager.getConnection(url + ";user=grafana;password=a"))
        .isInstanceOf(SQLException.class).hasMessageContaining("401");
    assertThatThrownBy(() -> DriverManager.getConnection("jdbc:avatica:remote:url=http://127.0.0.1:" + endpoint.port()
        + ";serialization=protobuf")).hasMessageContaining("401");
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SET ingest.future-bound = '1h'",
      "DROP MEASUREMENT boiler",
      "DELETE FROM boiler",
      "INSERT INTO boiler (ts, site, temp) VALUES (TIMESTAMP '2026-01-01 00:00:01', 'B', 1.0)",
      "CREATE MEASUREMENT other (site TAG, v DOUBLE)"})
  void aReadOnlyUserIsRefusedOverRemoteJdbcByStatementAndByPreparation(String sql) throws SQLException {
    try (Connection reader = DriverManager.getConnection(url + ";user=grafana;password=g")) {
      assertThat(user(reader)).endsWith(":1");
      assertThatThrownBy(() -> execute(reader, sql)).isInstanceOfSatisfying(SQLException.class, e -> {
        assertThat(e.getSQLState()).isEqualTo("42501");
        assertThat(e.getMessage()).contains("user 'grafana' has role read");
      });
      assertThatThrownBy(() -> reader.prepareStatement(sql)).isInstanceOfSatisfying(SQLException.class,
          e -> assertThat(e.getSQLState()).isEqualTo("42501"));
    }
    try (Connection admin = DriverManager.getConnection(url + ";user=alice;password=a")) {
      assertThat(user(admin)).endsWith(":1");
    }
  }

  @Test
  void theRoleIsTheLoggedInUsersWhateverUserTheClientNames() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:avatica:remote:url=http://127.0.0.1:" + endpoint.port()
        + ";serialization=protobuf;authentication=BASIC;avatica_user=grafana;avatica_password=g;user=alice")) {
      assertThatThrownBy(() -> execute(c, "DROP MEASUREMENT boiler")).isInstanceOfSatisfying(SQLException.class,
          e -> assertThat(e.getMessage()).contains("user 'grafana' has role read"));
    }
  }

  @Test
  void aRemoteErrorCarriesItsSqlStateAndMessageButNoStackTrace() throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:avatica:remote:url=http://127.0.0.1:" + endpoint.port()
        + ";serialization=protobuf;authentication=BASIC;avatica_user=alice;avatica_password=a")) {
      for (String sql : List.of("SELECT * FROM nowhere", "SELECT temp / 'x' FROM boiler", "DROP MEASUREMENT nope")) {
        assertThatThrownBy(() -> execute(c, sql)).as(sql).isInstanceOfSatisfying(AvaticaSqlException.class, e -> {
          assertThat(e.getSQLState()).isNotIn(null, "00000", "HY000");
          assertThat(e.getMessage()).doesNotContain("\tat ", "Exception:");
          assertThat(String.join("\n", e.getStackTraces())).doesNotContain("\tat ", "Caused by", "io.edgetimedb",
              "org.apache");
        });
      }
    }
  }
}
