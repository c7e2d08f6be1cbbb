package io.edgetimedb.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.DatabaseConfig;
import io.edgetimedb.engine.FieldInfo;
import io.edgetimedb.engine.read.PointCursor;
import io.edgetimedb.engine.read.ReadRequest;
import io.edgetimedb.engine.schema.FieldType;
import io.edgetimedb.engine.write.PointBatch;
import io.edgetimedb.engine.settings.SettingsRegistry;
import io.edgetimedb.server.Server;
import io.edgetimedb.server.ServerSettings;
import io.edgetimedb.server.http.HttpServerEndpoint;
import io.edgetimedb.testsupport.StoredRows;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ImportExportTest {
  private static final long T = 1_700_000_000_000L;

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();

  @Test
  void csvExportImportsBackIntoAFreshDatabaseUnchanged() throws IOException {
    roundTrip("csv", "plant.csv");
  }

  @Test
  void lineProtocolExportImportsBackIntoAFreshDatabaseUnchanged() throws IOException {
    roundTrip("lp", "plant.lp");
  }

  private void roundTrip(String format, String fileName) throws IOException {
    Path source = dir.resolve("source");
    Path file = dir.resolve(fileName);
    Path copy = dir.resolve("copy");
    try (Database db = Database.open(DatabaseConfig.defaults().withDataDirectory(source))) {
      db.write(plant());
    }

    assertThat(run("export", "--measurement", "plant", "--data", source.toString(), "--format", format, "--out",
        file.toString(), "--quiet")).isZero();
    List<String> importArgs = new ArrayList<>(List.of("import", file.toString(), "--data", copy.toString(),
        "--quiet"));
    if (format.equals("csv")) {
      importArgs.addAll(List.of("--measurement", "plant"));
    }
    assertThat(run(importArgs.toArray(String[]::new))).as(out.toString()).isZero();

    assertThat(out.toString()).contains("imported 300 points, refused 0 rows");
    assertThat(rows(copy)).containsExactlyInAnyOrderElementsOf(rows(source));
    try (Database db = Database.open(DatabaseConfig.defaults().withDataDirectory(copy))) {
      assertThat(db.fields("plant")).containsExactly(new FieldInfo("value", FieldType.DOUBLE),
          new FieldInfo("count", FieldType.BIGINT), new FieldInfo("open", FieldType.BOOLEAN),
          new FieldInfo("note", FieldType.VARCHAR));
    }
  }

  @Test
  void badCsvRowsAreReportedWithLineAndColumnAndTheGoodOnesKept() throws IOException {
    Path file = dir.resolve("bad.csv");
    Files.writeString(file, "ts,site,value:double,note\n1000,A,1.5,ok\n2000,A,warm,x\n3000,B,2.5\n"
        + "not-a-time,B,3.5,y\n4000,\"B, east\",4.5,\"quoted, \"\"note\"\"\"\n-9223372036854775808,B,5.5,z\n");
    Path data = dir.resolve("d");

    assertThat(run("import", file.toString(), "--data", data.toString(), "--measurement", "m", "--tags", "site",
        "--quiet")).isEqualTo(1);

    assertThat(out.toString()).contains(file + ": line 3, column 3: 'value': 'warm' is not a double")
        .contains(file + ": line 4: 3 cells where the header has 4")
        .contains(file + ": line 5, column 1: 'ts': 'not-a-time' is not a timestamp (epoch number or ISO-8601)")
        .contains(file + ": line 7, column 1: 'ts': '-9223372036854775808' is reserved for points without a timestamp;"
            + " the earliest that can be written is -9223372036854775807 ms")
        .contains("imported 2 points, refused 4 rows");
    try (Database db = Database.open(DatabaseConfig.defaults().withDataDirectory(data))) {
      assertThat(db.tagValues("m", "site")).containsExactly("A", "B, east");
    }
  }

  @Test
  void badLineProtocolLinesAreReportedWithLineAndColumn() throws IOException {
    Path file = dir.resolve("bad.lp");
    Files.writeString(file, "m,site=A value=1 1000\nm,site=A value= 2000\n# comment\nm,site=B value=3 3000\n");
    Path data = dir.resolve("d");

    assertThat(run("import", file.toString(), "--data", data.toString(), "--precision", "ms", "--quiet"))
        .isEqualTo(1);

    assertThat(out.toString()).containsPattern(file + ": line 2, column \\d+: ")
        .contains("imported 2 points, refused 1 rows");
  }

  @Test
  void importIntoARunningServerGoesThroughItsHttpPortAndReportsWhatItRefused() throws Exception {
    SettingsRegistry settings = ServerSettings.registry();
    settings.set(ServerSettings.DATA_DIRECTORY, dir.resolve("served").toString(), "test");
    settings.set(ServerSettings.HTTP_PORT, "0", "test");
    settings.set(ServerSettings.HTTP_BIND, "127.0.0.1", "test");
    Server server = Server.start(settings, List.of(HttpServerEndpoint::start), new PrintStream(OutputStream.nullOutputStream()));
    try {
      Path lp = dir.resolve("rows.lp");
      Files.writeString(lp, "m,site=A value=1 1000\nm,site=A value= 2000\nm,site=B site=3 3000\nm,site=B value=4 4000\n");
      String url = "http://127.0.0.1:" + server.readyLine().replaceAll(".*http=\\S+:(\\d+).*", "$1");

      assertThat(run("import", lp.toString(), "--url", url, "--precision", "ms", "--quiet")).isEqualTo(1);

      assertThat(out.toString()).containsPattern(lp + ": line 2, column \\d+: ")
          .contains(lp + ": line 3: ").contains("imported 2 points, refused 2 rows");
      assertThat(StoredRows.of(server.database(), "m")).containsExactlyInAnyOrder("1000 site=A value=1.0",
          "4000 site=B value=4.0");
      server.stop();
      assertThat(run("import", lp.toString(), "--url", url, "--precision", "ms", "--quiet")).isEqualTo(2);
      assertThat(out.toString()).contains("import stopped: no server answers at " + url);
    } finally {
      server.stop();
    }
  }

  private int run(String... args) {
    CommandLine cli = new CommandLine(new EdgeTimeDbCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(out));
    return cli.execute(args);
  }

  private static PointBatch plant() {
    PointBatch batch = new PointBatch();
    for (int i = 0; i < 100; i++) {
      for (String site : new String[] {"A", "B,east", "C D"}) {
        batch.point("plant", T + i * 1000L).tag("site", site).tag("sensor", "s" + (i % 3))
            .field("value", i * 0.1).field("count", (long) i).field("open", i % 2 == 0)
            .field("note", i % 10 == 0 ? "a \"quoted\", note" : "n" + i);
      }
    }
    return batch;
  }

  private static List<String> rows(Path data) {
    List<String> rows = new ArrayList<>();
    try (Database db = Database.open(DatabaseConfig.defaults().withDataDirectory(data));
        PointCursor c = db.read(ReadRequest.of("plant"))) {
      while (c.next()) {
        StringBuilder row = new StringBuilder().append(c.timestamp());
        for (int i = 0; i < c.tagKeys().size(); i++) {
          row.append(' ').append(c.tagKeys().get(i)).append('=').append(c.tag(i));
        }
        for (int i = 0; i < c.fieldNames().size(); i++) {
          row.append(' ').append(c.fieldNames().get(i)).append('=').append(c.getObject(i));
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }
}
