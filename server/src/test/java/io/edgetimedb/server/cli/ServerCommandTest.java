package io.edgetimedb.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.read.PointCursor;
import io.edgetimedb.engine.read.ReadRequest;
import io.edgetimedb.engine.settings.SettingsRegistry;
import io.edgetimedb.engine.write.PointBatch;
import io.edgetimedb.server.ServerSettings;
import io.edgetimedb.engine.wal.ReplayProgressListener;
import io.edgetimedb.testsupport.DyingProcessFileSystem;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServerCommandTest {
  @TempDir
  Path dir;

  @Test
  void flagsOverrideTheFileAndTheFileOverridesDefaults() throws IOException {
    Path file = dir.resolve("edgetimedb.conf");
    Files.writeString(file, "http.port = 9000\navatica.port = 9001\ndata.directory = /srv/db\n");
    ServerCommand command = parse("server", "--config", file.toString(), "--http-port", "7000");

    SettingsRegistry settings = command.settings();

    assertThat(settings.longValue(ServerSettings.HTTP_PORT)).isEqualTo(7000);
    assertThat(settings.source(ServerSettings.HTTP_PORT)).isEqualTo("flag:--http-port");
    assertThat(settings.longValue(ServerSettings.AVATICA_PORT)).isEqualTo(9001);
    assertThat(settings.source(ServerSettings.AVATICA_PORT)).isEqualTo("file:" + file);
    assertThat(settings.stringValue(ServerSettings.DATA_DIRECTORY)).isEqualTo("/srv/db");
    assertThat(settings.display(ServerSettings.HTTP_MAX_BODY_SIZE)).isEqualTo("32MiB");
    assertThat(settings.source(ServerSettings.HTTP_MAX_BODY_SIZE)).isEqualTo("default");
  }

  @Test
  void withoutDataTheDirectoryIsBesideTheWorkingDirectory() throws IOException {
    assertThat(parse("server").settings().stringValue(ServerSettings.DATA_DIRECTORY)).isEqualTo("edgetimedb-data");
  }

  @Test
  void aBadFileStopsTheStartWithItsLinesNamed() throws IOException {
    Path file = dir.resolve("bad.conf");
    Files.writeString(file, "http.prot = 80\nhttp.max-body-size = 12 parsecs\n");
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new EdgeTimeDbCommand());
    cli.setErr(new PrintWriter(err));

    assertThat(cli.execute("server", "--config", file.toString(), "--data", dir.resolve("d").toString())).isEqualTo(2);
    assertThat(err.toString()).contains(file + ":1: unknown setting 'http.prot' (did you mean 'http.port'?)")
        .contains(file + ":2: setting 'http.max-body-size': '12 parsecs' is not a size (use e.g. 32MiB)");
    assertThat(cli.execute("server", "--config", dir.resolve("missing.conf").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("cannot read the configuration file");
  }

  /**
   * The real thing: a child JVM runs the server on a directory a crashed writer left with only a
   * log, prints its ready line, gets SIGTERM, checkpoints and exits with 0; the directory then
   * opens with nothing to replay.
   */
  @Test
  void sigtermStopsTheServerInOrderWithExitCodeZero() throws Exception {
    Path data = dir.resolve("data");
    Database crashed = Database.open(DatabaseConfig.defaults().withDataDirectory(data).withCheckpointIntervalMillis(0),
        new DyingProcessFileSystem(), ReplayProgressListener.NONE);
    PointBatch batch = new PointBatch();
    for (int i = 0; i < 100; i++) {
      batch.point("boiler", 1_700_000_000_000L + i * 1000L).tag("site", "A").field("value", i);
    }
    crashed.write(batch);
    assertThat(checkpoints(data)).isEmpty();

    // to a file, not a pipe: Process.destroy() closes the pipes, and the lines after SIGTERM matter
    Path log = dir.resolve("server.log");
    Process server = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), EdgeTimeDbCommand.class.getName(),
        "server", "--data", data.toString(), "--http-port", "0", "--avatica-port", "0", "--tcp-port", "0")
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    long deadline = System.currentTimeMillis() + 60_000;
    while (!Files.readString(log).contains("ready ") && server.isAlive() && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    String ready = Files.readAllLines(log).stream().filter(l -> l.startsWith("ready ")).findFirst().orElseThrow();
    assertThat(ready).startsWith("ready data=" + data.toAbsolutePath());
    writeRemotely(ready, 20);
    writeLineProtocol(ready, 30);

    server.destroy();
    assertThat(server.waitFor(60, TimeUnit.SECONDS)).isTrue();
    List<String> output = Files.readAllLines(log);
    assertThat(server.exitValue()).as("exit code, output %s", output).isZero();
    assertThat(output).contains("SIGTERM received, stopping", "checkpointed and closed " + data.toAbsolutePath());
    assertThat(checkpoints(data)).isNotEmpty();
    try (Database reopened = Database.open(DatabaseConfig.defaults().withDataDirectory(data));
        PointCursor rows = reopened.read(ReadRequest.of("boiler"))) {
      assertThat(reopened.recoveryReport().toString()).doesNotContain("damage");
      int count = 0;
      while (rows.next()) {
        count++;
      }
      assertThat(count).isEqualTo(150);
    }
  }

  /** Writes line protocol to the HTTP port the ready line names; its meters show that write and the SQL ones. */
  private static void writeLineProtocol(String readyLine, int lines) throws Exception {
    java.util.regex.Matcher port = java.util.regex.Pattern.compile("http=\\S+:(\\d+)").matcher(readyLine);
    assertThat(port.find()).as(readyLine).isTrue();
    String base = "http://127.0.0.1:" + port.group(1);
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < lines; i++) {
      body.append("boiler,site=C value=").append(i).append("i ").append(1_700_000_000_000L + i).append('\n');
    }
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    java.net.http.HttpResponse<String> written = http.send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(base + "/api/v2/write?precision=ms"))
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body.toString())).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(written.statusCode()).as(written.body()).isEqualTo(204);
    java.net.http.HttpResponse<String> metrics = http.send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(base + "/metrics")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(metrics.body()).contains("edgetimedb_query_duration_seconds_count")
        .doesNotContain("edgetimedb_query_duration_seconds_count 0.0");
    java.net.http.HttpResponse<String> health = http.send(java.net.http.HttpRequest.newBuilder(
        java.net.URI.create(base + "/health")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    assertThat(health.statusCode()).isEqualTo(200);
  }

  /** Writes rows through the Avatica endpoint the ready line names, and reads them back there. */
  private static void writeRemotely(String readyLine, int rows) throws Exception {
    java.util.regex.Matcher port = java.util.regex.Pattern.compile("avatica=\\S+:(\\d+)").matcher(readyLine);
    assertThat(port.find()).as(readyLine).isTrue();
    String url = "jdbc:edgetimedb:remote:url=http://127.0.0.1:" + port.group(1);
    try (java.sql.Connection c = java.sql.DriverManager.getConnection(url);
        java.sql.PreparedStatement insert = c.prepareStatement("INSERT INTO boiler (ts, site, value) VALUES (?, ?, ?)")) {
      for (int i = 0; i < rows; i++) {
        insert.setLong(1, 1_700_000_100_000L + i);
        insert.setString(2, "B");
        insert.setLong(3, i);
        insert.addBatch();
      }
      insert.executeBatch();
      try (java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT count(*) FROM boiler")) {
        rs.next();
        assertThat(rs.getLong(1)).isEqualTo(100 + rows);
      }
    }
  }

  private static List<Path> checkpoints(Path data) throws IOException {
    try (Stream<Path> files = Files.list(data)) {
      return files.filter(f -> f.getFileName().toString().startsWith("checkpoint-")).toList();
    }
  }

  private static ServerCommand parse(String... args) {
    CommandLine cli = new CommandLine(new EdgeTimeDbCommand());
    CommandLine.ParseResult parsed = cli.parseArgs(args);
    return (ServerCommand) parsed.subcommand().commandSpec().userObject();
  }
}
