package io.edgetimedb.server.bench.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuietRepetitionsTest {
  private static final long SECOND = 1_000_000_000L;

  private static RunPlan plan(boolean quick) {
    return new RunPlan(List.of(100), 1_000, List.of(), Path.of("peers"), Path.of("out"), quick);
  }

  @Test
  void aFastQuestionRunsTheFullCount() {
    QuietRepetitions full = QuietRepetitions.of(plan(false));
    assertThat(full.another(99, SECOND)).isTrue();
    assertThat(full.another(100, SECOND)).isFalse();
  }

  @Test
  void aSlowQuestionStopsAtTheBudgetButNotBeforeTheLeast() {
    QuietRepetitions full = QuietRepetitions.of(plan(false));
    assertThat(full.another(4, 60 * SECOND)).as("fewer than five runs: goes on").isTrue();
    assertThat(full.another(5, 15 * SECOND - 1)).as("just inside the budget").isTrue();
    assertThat(full.another(5, 15 * SECOND)).as("at the budget").isFalse();
  }

  @Test
  void theQuickRunAlwaysRunsFive() {
    QuietRepetitions quick = QuietRepetitions.of(plan(true));
    assertThat(quick.another(4, 60 * SECOND)).isTrue();
    assertThat(quick.another(5, 0)).isFalse();
  }
}
