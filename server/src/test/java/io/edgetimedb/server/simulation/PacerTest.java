package io.edgetimedb.server.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The pacer on a fake clock: waits, catching up, and the bound on a burst after a stall. */
class PacerTest {
  private static final long MS = 1_000_000L;

  private long now = 5_000 * MS;
  private long slept;

  private Pacer pacer(long periodNanos) {
    return new Pacer(periodNanos, () -> now, nanos -> {
      now += nanos;
      slept += nanos;
    });
  }

  @Test
  void ticksGoOnePeriodApartWithoutDelaysAddingUp() throws InterruptedException {
    Pacer pacer = pacer(100 * MS);
    long first = now;
    for (int tick = 0; tick < 10; tick++) {
      pacer.awaitTick(tick);
      assertThat(now - first).isEqualTo(tick * 100 * MS);
      now += 30 * MS; // sending takes 30 ms: the wait shrinks, the schedule holds
    }
    assertThat(pacer.givenUpNanos()).isZero();
    assertThat(pacer.due(10)).isFalse();
  }

  @Test
  void afterAShortStallTheMissedTicksGoBackToBack() throws InterruptedException {
    Pacer pacer = pacer(100 * MS);
    pacer.awaitTick(0);
    now += 550 * MS;
    long sleptBefore = slept;
    for (int tick = 1; tick <= 5; tick++) {
      assertThat(pacer.due(tick)).isTrue();
      pacer.awaitTick(tick);
    }
    assertThat(slept).as("ticks 1-5 were all due").isEqualTo(sleptBefore);
    pacer.awaitTick(6);
    assertThat(slept - sleptBefore).isEqualTo(50 * MS);
    assertThat(pacer.stalls()).isZero();
  }

  @Test
  void aLongStallCatchesUpAtMostOneSecondAndGivesUpTheRest() throws InterruptedException {
    Pacer pacer = pacer(10 * MS);
    pacer.awaitTick(0);
    now += 5_000 * MS;
    int backToBack = 0;
    long tick = 1;
    for (long before = slept; slept == before; tick++) {
      pacer.awaitTick(tick);
      backToBack += slept == before ? 1 : 0;
    }
    assertThat(backToBack).as("one second of 10 ms ticks").isBetween(100, 101);
    assertThat(pacer.givenUpNanos()).isEqualTo(4_000 * MS - 10 * MS);
    assertThat(pacer.stalls()).isEqualTo(1);
  }

  @Test
  void unlimitedNeverWaits() throws InterruptedException {
    Pacer pacer = Pacer.unlimited();
    assertThat(pacer.limited()).isFalse();
    for (int tick = 0; tick < 1000; tick++) {
      assertThat(pacer.due(tick)).isTrue();
      pacer.awaitTick(tick);
    }
    assertThat(Pacer.every(MS).limited()).isTrue();
    assertThatThrownBy(() -> Pacer.every(0)).hasMessageContaining("positive");
  }
}
