package io.edgetimedb.server.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgetimedb.engine.health.Severity;
import io.edgetimedb.engine.settings.SettingsRegistry;
import io.edgetimedb.server.Server;
import io.edgetimedb.server.ServerSettings;
import io.edgetimedb.server.avatica.AvaticaServerEndpoint;
import io.edgetimedb.server.http.HttpServerEndpoint;
import io.edgetimedb.server.tcp.TcpListener;
import io.edgetimedb.server.tcp.TcpSettings;
import io.edgetimedb.server.udp.UdpListener;
import io.edgetimedb.server.udp.UdpSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Who can reach the server as it starts: loopback unless told otherwise, and never open without saying so. */
class ListenerExposureTest {
  @TempDir
  Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private Server server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop();
    }
  }

  private SettingsRegistry settings() {
    SettingsRegistry settings = ServerSettings.registry();
    settings.set(ServerSettings.DATA_DIRECTORY, dir.resolve("data").toString(), "test");
    settings.set(ServerSettings.HTTP_PORT, "0", "test");
    settings.set(ServerSettings.AVATICA_PORT, "0", "test");
    settings.set(TcpSettings.PORT, "0", "test");
    settings.set(UdpSettings.PORT, "0", "test");
    settings.set(UdpSettings.ENABLED, "true", "test");
    return settings;
  }

  private Server start(SettingsRegistry settings) throws Exception {
    server = Server.start(settings, List.of(HttpServerEndpoint::start, AvaticaServerEndpoint::start,
        TcpListener::start, UdpListener::start), new PrintStream(out, true, StandardCharsets.UTF_8));
    return server;
  }

  private String log() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void withoutConfigurationEveryListenerBindsLoopbackAndTheLogSaysHowToOpenIt() throws Exception {
    start(settings());

    assertThat(server.readyLine()).contains(" http=127.0.0.1:", " avatica=127.0.0.1:", " tcp=127.0.0.1:",
        " udp=127.0.0.1:").doesNotContain("0.0.0.0");
    List<String> howToOpen = log().lines().filter(l -> l.contains("loopback only")).toList();
    assertThat(howToOpen).hasSize(1);
    assertThat(howToOpen.get(0)).contains("http.bind", "avatica.bind", "tcp.bind", "udp.bind",
        SecuritySettings.USERS_FILE);
    assertThat(server.database().health().current()).isEmpty();
  }

  @Test
  void aListenerBeyondLoopbackWithoutUsersRefusesToStartWithOneLineSayingWhatToSet() {
    SettingsRegistry settings = settings();
    settings.set(ServerSettings.HTTP_BIND, "0.0.0.0", "test");

    assertThatThrownBy(() -> start(settings)).isInstanceOf(SecurityConfigurationException.class)
        .hasMessageNotContaining("\n")
        .hasMessageContaining("http.bind = 0.0.0.0")
        .hasMessageContaining(SecuritySettings.USERS_FILE)
        .hasMessageContaining(SecuritySettings.ALLOW_OPEN + " = true");
    assertThat(dir.resolve("data")).doesNotExist();
  }

  @Test
  void lineProtocolListenersBeyondLoopbackNeedTheOptInEvenWithUsers() throws Exception {
    SettingsRegistry settings = settings();
    settings.set(SecuritySettings.USERS_FILE, usersFile().toString(), "test");
    settings.set(TcpSettings.BIND, "0.0.0.0", "test");

    assertThatThrownBy(() -> start(settings)).isInstanceOf(SecurityConfigurationException.class)
        .hasMessageContaining("tcp.bind = 0.0.0.0").hasMessageContaining("no authentication")
        .hasMessageNotContaining("http.bind");
  }

  @Test
  void withUsersHttpAndAvaticaListenBeyondLoopbackWithoutAWarning() throws Exception {
    SettingsRegistry settings = settings();
    settings.set(SecuritySettings.USERS_FILE, usersFile().toString(), "test");
    settings.set(ServerSettings.HTTP_BIND, "0.0.0.0", "test");
    settings.set(ServerSettings.AVATICA_BIND, "0.0.0.0", "test");

    start(settings);

    assertThat(server.readyLine()).contains(" http=0.0.0.0:", " avatica=0.0.0.0:", " tcp=127.0.0.1:");
    assertThat(server.database().health().current()).isEmpty();
    assertThat(log()).doesNotContain("loopback only");

    String avatica = "jdbc:edgetimedb:remote:url=http://127.0.0.1:" + port("avatica");
    assertThatThrownBy(() -> DriverManager.getConnection(avatica + ";user=alice;password=wrong"))
        .hasMessageContaining("401");
    try (Connection c = DriverManager.getConnection(avatica + ";user=alice;password=secret")) {
      assertThat(c.isValid(5)).isTrue();
    }
    assertThat(get("/metrics").body()).containsPattern("edgetimedb_logins_refused_total\\{endpoint=\"avatica\"} [1-9]");
  }

  private HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port("http") + path))
        .build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void runningOpenIsAllowedOnlyWhenAskedAndThenWarnsAndShowsInHealth() throws Exception {
    SettingsRegistry settings = settings();
    settings.set(ServerSettings.HTTP_BIND, "0.0.0.0", "test");
    settings.set(TcpSettings.BIND, "0.0.0.0", "test");
    settings.set(SecuritySettings.ALLOW_OPEN, "true", "test");

    start(settings);

    assertThat(server.database().health().get(ListenerExposure.CONDITION)).hasValueSatisfying(c -> {
      assertThat(c.severity()).isEqualTo(Severity.DEGRADED);
      assertThat(c.message()).contains("http=0.0.0.0", "tcp=0.0.0.0").doesNotContain("avatica");
    });
    HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://127.0.0.1:" + port("http") + "/health")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"degraded\"", "\"name\":\"" + ListenerExposure.CONDITION + "\"");
    assertThat(log()).contains("WARNING").contains("without authentication");
  }

  private int port(String endpoint) {
    Matcher m = Pattern.compile(endpoint + "=[^ ]+:(\\d+)").matcher(server.readyLine());
    assertThat(m.find()).isTrue();
    return Integer.parseInt(m.group(1));
  }

  private Path usersFile() throws Exception {
    return Files.writeString(dir.resolve("users"), "alice admin plain:secret\n");
  }
}
