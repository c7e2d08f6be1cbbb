package io.edgetimedb.engine.series;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** Turns are served in the order they were drawn, whatever order their holders arrive in. */
class ApplyTurnsTest {
  @Test
  void holdersArrivingInReverseOrderAreServedInDrawOrder() throws Exception {
    ApplyTurns turns = new ApplyTurns();
    int holders = 6;
    long[] drawn = new long[holders];
    for (int i = 0; i < holders; i++) {
      drawn[i] = turns.draw();
    }
    List<Long> served = new CopyOnWriteArrayList<>();
    Thread[] threads = new Thread[holders];
    for (int i = holders - 1; i >= 0; i--) {
      long turn = drawn[i];
      threads[i] = new Thread(() -> {
        turns.await(turn);
        served.add(turn);
        turns.pass();
      });
      threads[i].start();
      Thread.sleep(5);
    }
    for (Thread thread : threads) {
      thread.join(10_000);
    }
    assertThat(served).containsExactly(0L, 1L, 2L, 3L, 4L, 5L);
  }

  @Test
  void anInterruptedWaiterStillTakesItsTurnAndKeepsTheInterrupt() throws Exception {
    ApplyTurns turns = new ApplyTurns();
    long first = turns.draw();
    long second = turns.draw();
    AtomicBoolean interruptKept = new AtomicBoolean();
    Thread waiter = new Thread(() -> {
      turns.await(second);
      interruptKept.set(Thread.currentThread().isInterrupted());
      turns.pass();
    });
    waiter.start();
    Thread.sleep(20);
    waiter.interrupt();
    Thread.sleep(20);
    assertThat(waiter.isAlive()).as("still waiting for its turn").isTrue();
    turns.await(first);
    turns.pass();
    waiter.join(10_000);
    assertThat(interruptKept).isTrue();
    turns.await(turns.draw());
  }
}
