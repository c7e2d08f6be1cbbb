package io.edgetimedb.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.settings.SettingsRegistry;
import io.edgetimedb.server.ServerSettings;
import io.edgetimedb.server.security.SecuritySettings;
import io.edgetimedb.server.security.Users;
import io.edgetimedb.sql.access.Role;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class HashPasswordCommandTest {
  @TempDir
  Path dir;

  @Test
  void theHashPrintedLogsTheUserInWithThatPasswordOnly() throws Exception {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new EdgeTimeDbCommand());
    cli.setOut(new PrintWriter(out));
    InputStream stdin = System.in;
    try {
      System.setIn(new ByteArrayInputStream("s3cret pass\n".getBytes(StandardCharsets.UTF_8)));
      assertThat(cli.execute("hash-password")).isZero();
    } finally {
      System.setIn(stdin);
    }
    String hash = out.toString().strip();
    assertThat(hash).startsWith("pbkdf2-sha256:").doesNotContain("s3cret");

    SettingsRegistry settings = ServerSettings.registry();
    settings.set(SecuritySettings.USERS_FILE, Files.writeString(dir.resolve("users"), "bob read " + hash + "\n")
        .toString(), "test");
    Users users = Users.from(settings);
    assertThat(users.authenticate("bob", "s3cret pass")).contains(Role.READ);
    assertThat(users.authenticate("bob", "s3cret pass")).as("again, from the remembered match").contains(Role.READ);
    assertThat(users.authenticate("bob", "s3cret")).isEmpty();
    assertThat(users.authenticate("alice", "s3cret pass")).isEmpty();
  }

  @Test
  void aServerBeyondLoopbackWithoutUsersExitsWith2AndOneLine() throws Exception {
    Path file = Files.writeString(dir.resolve("open.conf"), "http.bind = 0.0.0.0\n");
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new EdgeTimeDbCommand());
    cli.setErr(new PrintWriter(err));

    assertThat(cli.execute("server", "--config", file.toString(), "--data", dir.resolve("d").toString())).isEqualTo(2);
    assertThat(err.toString().strip()).startsWith("refusing to start: http.bind = 0.0.0.0").doesNotContain("\n")
        .contains("security.users-file", "security.allow-open = true");
    assertThat(dir.resolve("d")).doesNotExist();
  }

  @Test
  void aBadUsersFileStopsTheStartNamingItsLine() throws Exception {
    Path users = Files.writeString(dir.resolve("users"), "# users\nalice admin plain:a\nbob superuser plain:b\n");
    Path file = Files.writeString(dir.resolve("users.conf"), "security.users-file = " + users + "\n");
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new EdgeTimeDbCommand());
    cli.setErr(new PrintWriter(err));

    assertThat(cli.execute("server", "--config", file.toString(), "--data", dir.resolve("d").toString())).isEqualTo(2);
    assertThat(err.toString()).contains(users + ":3: unknown role 'superuser' (roles: read, write, admin)");
  }
}
