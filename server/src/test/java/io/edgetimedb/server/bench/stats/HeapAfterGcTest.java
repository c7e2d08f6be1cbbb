package io.edgetimedb.server.bench.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeapAfterGcTest {
  private static final int BIG = 64 << 20;

  @Test
  void followsWhatACollectionLeavesLiveAndNotTheGarbage() throws Exception {
    try (HeapAfterGc heap = new HeapAfterGc()) {
      byte[] retained = new byte[BIG];
      System.gc();
      long withArray = awaitChange(heap, -1);
      assertThat(withArray).isGreaterThanOrEqualTo(BIG);
      retained[BIG - 1] = 1; // keeps the array live up to here
      retained = null;
      System.gc();
      long without = awaitChange(heap, withArray);
      assertThat(without).isLessThan(withArray - BIG / 2);
    }
  }

  /** The notification comes from the collector's thread just after the collection; wait for it. */
  private static long awaitChange(HeapAfterGc heap, long before) throws InterruptedException {
    for (int i = 0; i < 100 && heap.bytes() == before; i++) {
      Thread.sleep(20);
    }
    Thread.sleep(50);
    return heap.bytes();
  }
}
