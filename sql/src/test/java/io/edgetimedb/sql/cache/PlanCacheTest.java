package io.edgetimedb.sql.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PlanCacheTest {

  private static PlanCache.Key key(long version, String sql) {
    return new PlanCache.Key(version, "settings", sql, -1);
  }

  @Test
  void theCacheKeepsTheRecentlyUsedAndMissesOnANewSchemaVersion() {
    PlanCache<String> cache = new PlanCache<>(2);
    cache.plan(key(1, "a"), () -> "a");
    cache.plan(key(1, "b"), () -> "b");
    assertThat(cache.plan(key(1, "a"), () -> "again")).isEqualTo("a");
    cache.plan(key(1, "c"), () -> "c");
    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.plan(key(1, "b"), () -> "b2")).as("b was least recently used").isEqualTo("b2");
    assertThat(cache.plan(key(2, "a"), () -> "a2")).isEqualTo("a2");
    assertThat(cache.plan(new PlanCache.Key(2, "other settings", "a", -1), () -> "a3")).isEqualTo("a3");
    assertThat(cache.plan(new PlanCache.Key(2, "settings", "a", 10), () -> "a4")).isEqualTo("a4");
    assertThat(cache.plansMade()).isEqualTo(7);
  }

  @Test
  void aLookupDoesNotWaitForAnotherKeysPlanning() throws Exception {
    PlanCache<String> cache = new PlanCache<>(4);
    cache.plan(key(1, "ready"), () -> "ready");
    CountDownLatch planning = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread slow = new Thread(() -> cache.plan(key(1, "slow"), () -> {
      planning.countDown();
      awaitQuietly(release);
      return "slow";
    }));
    slow.start();
    assertThat(planning.await(5, TimeUnit.SECONDS)).isTrue();
    AtomicReference<String> found = new AtomicReference<>();
    Thread lookup = new Thread(() -> found.set(cache.plan(key(1, "ready"), () -> "replanned")));
    lookup.start();
    lookup.join(5_000);
    assertThat(found).as("answered while the other key is still planning").hasValue("ready");
    release.countDown();
    slow.join(5_000);
    assertThat(cache.plan(key(1, "slow"), () -> "twice")).isEqualTo("slow");
  }

  @Test
  void whenTwoThreadsPlanOneKeyTheFirstStoredPlanIsKept() {
    PlanCache<String> cache = new PlanCache<>(4);
    String kept = cache.plan(key(1, "q"), () -> {
      // another thread finishes the same key while this one plans
      assertThat(cache.plan(key(1, "q"), () -> "first")).isEqualTo("first");
      return "second";
    });
    assertThat(kept).isEqualTo("first");
    assertThat(cache.plansMade()).isEqualTo(2);
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
