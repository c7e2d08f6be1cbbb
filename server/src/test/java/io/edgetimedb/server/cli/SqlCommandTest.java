package io.edgetimedb.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.server.avatica.AvaticaEndpoint;
import io.edgetimedb.server.avatica.AvaticaSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code edgetimedb sql URL "statement"} against a running endpoint. */
class SqlCommandTest {
  private AvaticaEndpoint endpoint;
  private String url;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  @BeforeEach
  void start() {
    endpoint = new AvaticaEndpoint(AvaticaSettings.defaults().withBindHost("127.0.0.1").withPort(0),
        "jdbc:edgetimedb:mem:sql-command-" + UUID.randomUUID());
    endpoint.start();
    url = "jdbc:edgetimedb:remote:url=http://127.0.0.1:" + endpoint.port();
  }

  @AfterEach
  void stop() {
    endpoint.close();
  }

  private int sql(String... args) {
    CommandLine cli = new CommandLine(new EdgeTimeDbCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    String[] all = new String[args.length + 1];
    all[0] = "sql";
    System.arraycopy(args, 0, all, 1, args.length);
    return cli.execute(all);
  }

  @Test
  void printsUpdateCountsAndAnAlignedTable() {
    assertThat(sql(url, "CREATE MEASUREMENT boiler (site TAG, temp DOUBLE)")).isZero();
    assertThat(sql(url, "INSERT INTO boiler (ts, site, temp) VALUES (0, 'north', 71.5), (1000, 'south-west', 7)"))
        .isZero();
    assertThat(out.toString()).contains("2 rows affected");
    out.getBuffer().setLength(0);

    assertThat(sql(url, "SELECT ts, site, temp FROM boiler ORDER BY ts")).isZero();

    assertThat(out.toString()).isEqualTo(String.join(System.lineSeparator(),
        "+----------------------+------------+------+",
        "| ts                   | site       | temp |",
        "+----------------------+------------+------+",
        "| 1970-01-01T00:00:00Z | north      | 71.5 |",
        "| 1970-01-01T00:00:01Z | south-west | 7.0  |",
        "+----------------------+------------+------+",
        "2 rows", ""));
  }

  @Test
  void printsCsvWithQuotingWhereNeeded() {
    sql(url, "CREATE MEASUREMENT notes (site TAG, text VARCHAR)");
    sql(url, "INSERT INTO notes (ts, site, text) VALUES (0, 'A', 'plain'), (1, 'A', 'with, comma \"quoted\"')");
    out.getBuffer().setLength(0);

    assertThat(sql(url, "SELECT site, text FROM notes ORDER BY ts", "--csv")).isZero();

    assertThat(out.toString().lines()).containsExactly("site,text", "A,plain", "A,\"with, comma \"\"quoted\"\"\"");
  }

  @Test
  void aFailingStatementExitsNonZeroWithItsSqlState() {
    assertThat(sql(url, "SELECT * FROM nosuch")).isEqualTo(1);
    assertThat(err.toString()).startsWith("ERROR [42P01]").contains("nosuch");
  }
}
