package io.edgetimedb.server.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.settings.SettingsRegistry;
import io.edgetimedb.server.Server;
import io.edgetimedb.server.ServerSettings;
import io.edgetimedb.server.http.HttpServerEndpoint;
import io.edgetimedb.server.tcp.TcpListener;
import io.edgetimedb.server.tcp.TcpSettings;
import io.edgetimedb.testsupport.StoredRows;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The simulator against the server's own listeners, end to end: every point sent is stored. */
class SimulateIntoServerTest {
  @TempDir
  Path dir;
  private Server server;

  @BeforeEach
  void start() throws Exception {
    SettingsRegistry settings = ServerSettings.registry();
    settings.set(ServerSettings.DATA_DIRECTORY, dir.toString(), "test");
    settings.set(ServerSettings.HTTP_PORT, "0", "test");
    settings.set(ServerSettings.HTTP_BIND, "127.0.0.1", "test");
    settings.set(TcpSettings.PORT, "0", "test");
    settings.set(TcpSettings.BIND, "127.0.0.1", "test");
    server = Server.start(settings, List.of(HttpServerEndpoint::start, TcpListener::start),
        new PrintStream(new ByteArrayOutputStream()));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  @Test
  void overTcpEveryPointReachesTheDatabase() throws InterruptedException {
    SimulateCli run = SimulateCli.run("--to", "tcp://127.0.0.1:" + port("tcp"), "--sensors", "50", "--rate", "max",
        "--points", "5000", "--connections", "3", "--seed", "4");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(StoredRows.await(() -> server.database().memoryUsage().points() >= 5000, 20_000)).isTrue();
    assertThat(server.database().memoryUsage().points()).isEqualTo(5000);
  }

  @Test
  void overHttpEveryPointReachesTheDatabase() {
    SimulateCli run = SimulateCli.run("--to", "http://127.0.0.1:" + port("http"), "--sensors", "50", "--rate", "max",
        "--points", "5000", "--seed", "5");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(server.database().memoryUsage().points()).as("acknowledged, so stored").isEqualTo(5000);
  }

  @Test
  void anHourSentAsFastAsPossibleEndsAboutNowSoTheFutureBoundRefusesNone() {
    long before = System.currentTimeMillis();
    SimulateCli run = SimulateCli.run("--to", "http://127.0.0.1:" + port("http"), "--sensors", "10", "--rate", "max",
        "--duration", "1h", "--seed", "6");
    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(server.database().memoryUsage().points()).isEqualTo(36_000);
    long newest = StoredRows.of(server.database(), "temperature").stream()
        .mapToLong(row -> Long.parseLong(row.substring(0, row.indexOf(' ')))).max().orElseThrow();
    assertThat(newest).isBetween(before - 60_000, System.currentTimeMillis());
  }

  private int port(String endpoint) {
    Matcher m = Pattern.compile(endpoint + "=\\S+:(\\d+)").matcher(server.readyLine());
    assertThat(m.find()).as(server.readyLine()).isTrue();
    return Integer.parseInt(m.group(1));
  }
}
