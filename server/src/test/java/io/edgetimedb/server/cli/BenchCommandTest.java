package io.edgetimedb.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.server.bench.run.RunPlan;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The options of {@code bench}: defaults, --quick, and bad input refused with a message naming the fault. */
class BenchCommandTest {
  @TempDir
  Path dir;

  private RunPlan plan(String... args) throws Exception {
    BenchCommand command = new BenchCommand();
    CommandLine cli = new CommandLine(command);
    cli.parseArgs(args);
    return command.plan();
  }

  /** What the command line prints for bad options, and its exit code. */
  private record Refusal(int exitCode, String err) {}

  private static Refusal refused(String... args) {
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new EdgeTimeDbCommand());
    cli.setErr(new PrintWriter(err, true));
    cli.setOut(new PrintWriter(new StringWriter(), true));
    String[] all = new String[args.length + 1];
    all[0] = "bench";
    System.arraycopy(args, 0, all, 1, args.length);
    return new Refusal(cli.execute(all), err.toString());
  }

  @Test
  void defaultsAreTheIssuesSensorCountsAMinutePerPhaseAndEveryPeer() throws Exception {
    RunPlan plan = plan();
    assertThat(plan.sensors()).containsExactly(100, 1_000, 10_000);
    assertThat(plan.ingestMillis()).isEqualTo(60_000);
    assertThat(plan.peers()).containsExactly("questdb", "sqlite", "duckdb");
    assertThat(plan.peerJars()).isEqualTo(Path.of("bench/target/peers"));
    assertThat(plan.out()).isEqualTo(Path.of("bench/results/macro"));
    assertThat(plan.quick()).isFalse();
  }

  @Test
  void quickShortensOnlyWhatWasNotGiven() throws Exception {
    RunPlan quick = plan("--quick");
    assertThat(quick.sensors()).containsExactly(100);
    assertThat(quick.ingestMillis()).isEqualTo(2_000);
    RunPlan given = plan("--quick", "--sensors", "50,70", "--duration", "5s", "--peers", "none");
    assertThat(given.sensors()).containsExactly(50, 70);
    assertThat(given.ingestMillis()).isEqualTo(5_000);
    assertThat(given.peers()).isEmpty();
  }

  @Test
  void sensorCountsAreCheckedAtTheirLimits() throws Exception {
    assertThat(plan("--sensors", "1,100000").sensors()).containsExactly(1, 100_000);
    Refusal zero = refused("--sensors", "0");
    assertThat(zero.exitCode()).isEqualTo(2);
    assertThat(zero.err()).contains("0 sensors: give between 1 and 100,000");
    assertThat(refused("--sensors", "100001").err()).contains("100001 sensors: give between 1 and 100,000");
    Refusal letters = refused("--sensors", "100,abc");
    assertThat(letters.exitCode()).isEqualTo(2);
    assertThat(letters.err()).contains("'abc' in '100,abc' is not a sensor count");
    assertThat(refused("--sensors", "100,,1000").err()).contains("'' in '100,,1000' is not a sensor count");
  }

  @Test
  void theDurationIsAtLeastOneSecondWithAUnit() throws Exception {
    assertThat(plan("--duration", "1s").ingestMillis()).isEqualTo(1_000);
    assertThat(refused("--duration", "999ms").err()).contains("'999ms' is shorter than the 1s");
    assertThat(refused("--duration", "60").err()).contains("'60' is not a duration such as 20s");
  }

  @Test
  void anUnknownPeerIsAnErrorNamingTheKnownOnes() {
    Refusal unknown = refused("--peers", "sqlite,postgres", "--peer-jars", dir.toString());
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.err()).contains("--peers: unknown peer 'postgres': the peers are questdb, sqlite, duckdb");
    assertThat(refused("--peers", "sqlite,").err()).contains("--peers 'sqlite,': an empty name");
  }

  @Test
  void aKnownPeerWithoutAnImplementationIsAcceptedToBeSkippedAtRunTime() throws Exception {
    assertThat(plan("--peers", "duckdb,duckdb", "--peer-jars", dir.toString()).peers()).isEqualTo(List.of("duckdb"));
  }
}
