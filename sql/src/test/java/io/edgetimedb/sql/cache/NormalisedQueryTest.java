package io.edgetimedb.sql.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.sql.cache.Literal.Kind;
import java.sql.Types;
import org.junit.jupiter.api.Test;

class NormalisedQueryTest {

  @Test
  void comparisonBetweenAndInLiteralsBecomeParametersInTextOrder() {
    NormalisedQuery q = NormalisedQuery.of("SELECT ts, value FROM m WHERE site = 'it''s' AND ts BETWEEN"
        + " TIMESTAMP '2024-01-01 00:00:00' AND TIMESTAMP '2024-01-01 01:00:00' AND n IN (1, 2.5) AND v > 3");
    assertThat(q.sql()).isEqualTo("SELECT ts, value FROM m WHERE site = ? AND ts BETWEEN ? AND ? AND n IN (?, ?)"
        + " AND v > ?");
    assertThat(q.literals()).containsExactly(new Literal(Kind.STRING, "it's"),
        new Literal(Kind.TIMESTAMP, "2024-01-01 00:00:00"), new Literal(Kind.TIMESTAMP, "2024-01-01 01:00:00"),
        new Literal(Kind.INTEGER, "1"), new Literal(Kind.DECIMAL, "2.5"), new Literal(Kind.INTEGER, "3"));
  }

  @Test
  void literalsWhoseParameterTypeIsNotInferableStay() {
    String sql = "SELECT time_bucket(INTERVAL '1' MINUTE, ts), 'x', \"a = 'b'\" FROM m"
        + " WHERE a = 'p' || 'q' AND b = -1 AND d = DATE '2024-01-01' -- c = 'comment'\n"
        + " AND v BETWEEN w AND 5 AND flag AND 'x'"
        + " GROUP BY 1 LIMIT 10";
    NormalisedQuery q = NormalisedQuery.of(sql);
    assertThat(q.sql()).isEqualTo(sql);
    assertThat(q.literals()).isEmpty();
  }

  @Test
  void textsDifferingOnlyInLiteralsNormaliseAlike() {
    NormalisedQuery a = NormalisedQuery.of("SELECT * FROM m WHERE site = 'A' AND ts >= TIMESTAMP '2024-01-01 00:00:00'");
    NormalisedQuery b = NormalisedQuery.of("SELECT * FROM m WHERE site = 'BB' AND ts >= TIMESTAMP '2025-06-01 10:00:00'");
    assertThat(a.sql()).isEqualTo(b.sql());
    assertThat(a.kinds()).isEqualTo(b.kinds()).containsExactly(Kind.STRING, Kind.TIMESTAMP);
  }

  @Test
  void onlyQueriesAreCached() {
    assertThat(NormalisedQuery.isQuery("  select 1")).isTrue();
    assertThat(NormalisedQuery.isQuery("WITH x AS (SELECT 1) SELECT * FROM x")).isTrue();
    assertThat(NormalisedQuery.isQuery("EXPLAIN PLAN FOR SELECT 1")).isFalse();
    assertThat(NormalisedQuery.isQuery("INSERT INTO m VALUES (1)")).isFalse();
  }

  @Test
  void literalsBindInTheirParametersJavaForm() {
    assertThat(new Literal(Kind.TIMESTAMP, "1970-01-01 00:00:01.5").valueFor(Types.TIMESTAMP)).isEqualTo(1500L);
    assertThat(new Literal(Kind.INTEGER, "7").valueFor(Types.DOUBLE)).isEqualTo(7.0);
    assertThat(new Literal(Kind.INTEGER, "7").valueFor(Types.BIGINT)).isEqualTo(7L);
    assertThat(new Literal(Kind.DECIMAL, "7.5").valueFor(Types.BIGINT)).isNull();
    assertThat(new Literal(Kind.STRING, "x").valueFor(Types.DOUBLE)).isNull();
    assertThat(new Literal(Kind.TIMESTAMP, "not a time").valueFor(Types.TIMESTAMP)).isNull();
    assertThat(new Literal(Kind.INTEGER, "1").valueFor(Types.DATE)).isNull();
  }

  @Test
  void theCacheKeepsTheRecentlyUsedAndMissesOnANewSchemaVersion() {
    PlanCache<String> cache = new PlanCache<>(2);
    NormalisedQuery a = NormalisedQuery.of("SELECT 1 FROM a WHERE x = 1");
    NormalisedQuery b = NormalisedQuery.of("SELECT 1 FROM b WHERE x = 1");
    NormalisedQuery c = NormalisedQuery.of("SELECT 1 FROM c WHERE x = 1");
    cache.plan(1, a, -1, () -> "a");
    cache.plan(1, b, -1, () -> "b");
    assertThat(cache.plan(1, NormalisedQuery.of("SELECT 1 FROM a WHERE x = 2"), -1, () -> "again")).isEqualTo("a");
    cache.plan(1, c, -1, () -> "c");
    assertThat(cache.size()).isEqualTo(2);
    assertThat(cache.plan(1, b, -1, () -> "b2")).as("b was least recently used").isEqualTo("b2");
    assertThat(cache.plan(2, a, -1, () -> "a2")).isEqualTo("a2");
    assertThat(cache.plansMade()).isEqualTo(5);
  }
}
