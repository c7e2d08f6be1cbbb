package io.edgetimedb.server.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.settings.SettingsRegistry;
import io.edgetimedb.server.ServerSettings;
import io.edgetimedb.server.security.SecuritySettings;
import io.edgetimedb.server.security.Users;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With users, HTTP writes need a user who writes, presented the ways InfluxDB clients (and Telegraf) present one. */
class HttpWriteAuthorizationTest {
  private static final String LINE = "boiler,site=A value=21.5 1700000000000";

  @TempDir
  Path dir;

  private HttpPort http;

  @BeforeEach
  void start() throws Exception {
    Path file = Files.writeString(dir.resolve("users"), """
        # name role password
        telegraf write plain:t0ken
        grafana  read  plain:g
        """);
    SettingsRegistry settings = ServerSettings.registry();
    settings.set(SecuritySettings.USERS_FILE, file.toString(), "test");
    http = new HttpPort(Database.open(DatabaseConfig.defaults()), HttpSettings.defaults(), Users.from(settings));
  }

  @AfterEach
  void stop() {
    http.close();
    http.db.close();
  }

  @Test
  void aWriteWithoutCredentialsIs401AndWritesNothing() {
    HttpResponse<String> r = http.post("/api/v2/write?precision=ms", LINE);

    assertThat(r.statusCode()).isEqualTo(401);
    assertThat(r.body()).startsWith("{\"code\":\"unauthorized\"").contains("Authorization: Token").doesNotContain("\n");
    assertThat(http.db.measurements()).isEmpty();
  }

  @Test
  void theTokenOfAWriterIsAccepted() {
    HttpResponse<String> r = http.post("/api/v2/write?precision=ms", LINE, "Authorization", "Token telegraf:t0ken");

    assertThat(r.statusCode()).isEqualTo(204);
    assertThat(http.rows("boiler")).containsExactly("site=A 1700000000000 value=21.5");
  }

  @Test
  void basicAuthenticationAndInfluxDb1QueryParametersAreAcceptedToo() {
    String basic = Base64.getEncoder().encodeToString("telegraf:t0ken".getBytes(StandardCharsets.UTF_8));

    assertThat(http.post("/write?precision=ms", LINE, "Authorization", "Basic " + basic).statusCode()).isEqualTo(204);
    assertThat(http.post("/write?precision=ms&u=telegraf&p=t0ken", "boiler,site=B value=1 1700000000000")
        .statusCode()).isEqualTo(204);
    assertThat(http.rows("boiler")).hasSize(2);
  }

  @Test
  void aWrongPasswordAnUnknownUserOrAnUnreadableHeaderIs401() {
    assertThat(http.post("/api/v2/write", LINE, "Authorization", "Token telegraf:wrong").statusCode()).isEqualTo(401);
    assertThat(http.post("/api/v2/write", LINE, "Authorization", "Token nobody:t0ken").statusCode()).isEqualTo(401);
    HttpResponse<String> noColon = http.post("/api/v2/write", LINE, "Authorization", "Token abc");
    assertThat(noColon.statusCode()).isEqualTo(401);
    assertThat(noColon.body()).contains("not '<user>:<password>'");
    assertThat(http.post("/api/v2/write", LINE, "Authorization", "Bearer x:y").statusCode()).isEqualTo(401);
    assertThat(http.post("/api/v2/write", LINE).statusCode()).isEqualTo(401);
    assertThat(http.db.measurements()).isEmpty();
    assertThat(http.get("/metrics").body()).contains("edgetimedb_logins_refused_total{endpoint=\"http\"} 5.0");
  }

  @Test
  void aReadOnlyUserCannotWrite() {
    HttpResponse<String> r = http.post("/api/v2/write?precision=ms", LINE, "Authorization", "Token grafana:g");

    assertThat(r.statusCode()).isEqualTo(403);
    assertThat(r.body()).contains("\"code\":\"forbidden\"", "user 'grafana' has role read");
    assertThat(http.db.measurements()).isEmpty();
  }

  @Test
  void healthAndMetricsNeedNoCredentials() {
    assertThat(http.get("/health").statusCode()).isEqualTo(200);
    assertThat(http.get("/metrics").statusCode()).isEqualTo(200);
  }
}
