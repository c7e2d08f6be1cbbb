package io.edgetimedb.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chaos run against a real server process: whatever the attacks do, every point the feed got
 * a 204 for is there (on the running server and after a restart), and the server came through
 * without being restarted, healthy and answering queries. Throughput is a figure of the report
 * ({@link ChaosReport}), never asserted here.
 *
 * <p>The default run takes seconds: {@link ChaosScale#SHORT}, only the attacks whose defence is
 * in this tree ({@link #DEFENDED}; {@code -Dedgetimedb.chaos.attacks=a,b} picks others). Under
 * {@code -Plong} every attack runs at issue 12's sizes, one after the other and then all at once.
 */
class ChaosRunTest {
  /**
   * Attacks the server survives. The cross join is left out: jdbc:edgetimedb:remote: now stops a
   * timed-out query on the server, but half of the attack's timed queries use plain
   * jdbc:avatica:remote:, which cannot carry a timeout (the server's own query.timeout stops them,
   * later than the attack's check allows); not yet run with the new driver.
   */
  static final String DEFENDED =
      "slowloris,connection-flood,field-flood,giant-bodies,sorted-cross-join,series-flood";

  @TempDir
  Path work;

  @Test
  void everyAcknowledgedPointSurvivesTheAttacksAndTheServerStaysUp() throws Exception {
    boolean full = Boolean.getBoolean("edgetimedb.long");
    ChaosScale scale = full ? ChaosScale.FULL : ChaosScale.SHORT;
    List<String> names = List.of((full ? "all" : System.getProperty("edgetimedb.chaos.attacks", DEFENDED)).split(","));

    ChaosRun.Result result = ChaosRun.run(scale, scale.attacks(names), full, List.of(), work, System.out);

    assertThat(result.problem()).isNull();
    assertThat(result.live().acknowledgedBatches()).isPositive();
    assertThat(result.live().lostPoints()).as("acknowledged points lost on the running server").isZero();
    assertThat(result.afterRestart().lostPoints()).as("acknowledged points lost after a restart").isZero();
    assertThat(result.live().sensorsShort()).isZero();
    assertThat(result.phases()).as("every phase").allSatisfy(p -> {
      // degraded is allowed: a flood refused at ingest.max-fields or ingest.max-series leaves
      // ingest-limit-reached raised, which an operator should see; damaged or unavailable is not
      assertThat(p.healthAfter()).matches("200 (ok|degraded)\\b.*");
      assertThat(p.recovery()).doesNotContain("restarted");
      assertThat(p.outcomes().values()).as("what issue 12 forbids, per attack")
          .allSatisfy(o -> assertThat(o.broken()).as(o.text()).isEmpty());
    });
    assertThat(result.serverStarts()).as("started, then once more for the check after a restart").isEqualTo(2);
    assertThat(result.healthAfterRestart()).startsWith("200 ok");
  }
}
