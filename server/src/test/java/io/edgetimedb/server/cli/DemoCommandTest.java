package io.edgetimedb.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class DemoCommandTest {

  @Test
  void demoWritesAFleetAndReportsOnIt() {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new EdgeTimeDbCommand());
    cli.setOut(new PrintWriter(out));

    int exit = cli.execute("demo", "--sensors", "12", "--ticks", "1500");

    assertThat(exit).isZero();
    assertThat(out.toString())
        .contains("wrote 18,000 points from 12 sensors")
        .containsPattern("temperature\\s+2\\s+3,000")
        .contains("newest readings of temperature sensor s00000:")
        .contains("2023-11-14T22:38:19Z");
  }

  @Test
  void withoutACommandItPrintsUsage() {
    StringWriter out = new StringWriter();
    CommandLine cli = new CommandLine(new EdgeTimeDbCommand());
    cli.setOut(new PrintWriter(out));
    assertThat(cli.execute()).isZero();
    assertThat(out.toString()).contains("Usage: edgetimedb").contains("demo");
  }
}
