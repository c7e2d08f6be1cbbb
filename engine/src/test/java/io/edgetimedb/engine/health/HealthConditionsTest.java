package io.edgetimedb.engine.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class HealthConditionsTest {
  private final AtomicLong clock = new AtomicLong(1_000);
  private final HealthConditions health = new HealthConditions(clock::get);

  @Test
  void nothingInForceMeansNoWorstSeverity() {
    assertThat(health.current()).isEmpty();
    assertThat(health.worst()).isEmpty();
  }

  @Test
  void theWorstConditionInForceComesFirstAndSetsTheSeverity() {
    health.raise("open-server", Severity.DEGRADED, "listening beyond loopback without users");
    health.raise("checkpoint-damaged", Severity.DAMAGED, "checkpoint-12.etc failed its checksum");
    assertThat(health.worst()).contains(Severity.DAMAGED);
    assertThat(health.current()).extracting(HealthCondition::name).containsExactly("checkpoint-damaged", "open-server");
    assertThat(health.get("checkpoint-damaged")).get().extracting(HealthCondition::sinceMillis).isEqualTo(1_000L);
  }

  @Test
  void clearingEndsTheConditionButKeepsItsCount() {
    health.raise("log-space", Severity.UNAVAILABLE, "no room for the next log segment");
    health.clear("log-space");
    assertThat(health.current()).isEmpty();
    assertThat(health.raisedCounts()).containsEntry("log-space", 1L);
  }

  @Test
  void raisingTheSameProblemAgainCountsOnceButAChangedMessageCountsAgain() {
    health.raise("checkpoint-failed", Severity.DEGRADED, "disk full");
    clock.set(2_000);
    health.raise("checkpoint-failed", Severity.DEGRADED, "disk full");
    assertThat(health.raisedCounts()).containsEntry("checkpoint-failed", 1L);
    assertThat(health.get("checkpoint-failed")).get().extracting(HealthCondition::sinceMillis).isEqualTo(1_000L);
    health.raise("checkpoint-failed", Severity.DEGRADED, "permission denied");
    assertThat(health.raisedCounts()).containsEntry("checkpoint-failed", 2L);
    assertThat(health.get("checkpoint-failed")).get().extracting(HealthCondition::message).isEqualTo("permission denied");
  }

  @Test
  void severitiesReportTheirStatusWord() {
    assertThat(Severity.DEGRADED.status()).isEqualTo("degraded");
    assertThat(Severity.DAMAGED.status()).isEqualTo("damaged");
    assertThat(Severity.UNAVAILABLE.status()).isEqualTo("unavailable");
  }
}
