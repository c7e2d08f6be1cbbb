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
    String sql = "SELECT time_bucket(INTERVAL '1' MINUTE, ts), 'x', 5, -1, \"a = 'b'\" FROM m"
        + " WHERE a = 'p' || 'q' AND d = TIME '10:00:00' -- c = 'comment'\n"
        + " /* e = 1 AND f LIKE 'x%' */ AND v BETWEEN w AND 5 AND flag AND 'x' AND g = x'0A'"
        + " AND h NOT LIKE 'a%' AND i LIKE 'a!%' ESCAPE '!' AND 3 = j AND k - 1 > l AND ts > now() - INTERVAL '1' HOUR"
        + " GROUP BY 1 LIMIT 10, 5";
    NormalisedQuery q = NormalisedQuery.of(sql);
    assertThat(q.sql()).isEqualTo(sql);
    assertThat(q.literals()).isEmpty();
  }

  @Test
  void timeBucketArgumentsStaySoGroupByStillMatchesTheSelectList() {
    String sql = "SELECT time_bucket(INTERVAL '5' MINUTE, ts) AS b, avg(value) FROM m"
        + " GROUP BY time_bucket(INTERVAL '5' MINUTE, ts)";
    assertThat(NormalisedQuery.of(sql).sql()).isEqualTo(sql);
  }

  @Test
  void negativeNumbersAreOneLiteralWhereOnlyAUnaryMinusCanBe() {
    NormalisedQuery q = NormalisedQuery.of("SELECT * FROM m WHERE value > -5 AND v BETWEEN -1.5 AND -1"
        + " AND n IN (-1, 2) AND w = x -1 AND z < (-3)");
    assertThat(q.sql()).isEqualTo("SELECT * FROM m WHERE value > ? AND v BETWEEN ? AND ?"
        + " AND n IN (?, ?) AND w = x -1 AND z < (-3)");
    assertThat(q.literals()).containsExactly(new Literal(Kind.INTEGER, "-5"), new Literal(Kind.DECIMAL, "-1.5"),
        new Literal(Kind.INTEGER, "-1"), new Literal(Kind.INTEGER, "-1"), new Literal(Kind.INTEGER, "2"));
  }

  @Test
  void rowCountsBecomeParameters() {
    assertThat(NormalisedQuery.of("SELECT * FROM m ORDER BY ts DESC LIMIT 5").sql())
        .isEqualTo("SELECT * FROM m ORDER BY ts DESC LIMIT ?");
    NormalisedQuery q = NormalisedQuery.of("SELECT * FROM (SELECT * FROM m LIMIT 3 OFFSET 1) OFFSET 2 ROWS"
        + " FETCH NEXT 4 ROWS ONLY");
    assertThat(q.sql()).isEqualTo("SELECT * FROM (SELECT * FROM m LIMIT ? OFFSET ?) OFFSET ? ROWS"
        + " FETCH NEXT ? ROWS ONLY");
    assertThat(q.literals()).extracting(Literal::text).containsExactly("3", "1", "2", "4");
    assertThat(NormalisedQuery.of("SELECT * FROM m LIMIT 2.5").literals()).as("not a row count").isEmpty();
  }

  @Test
  void dateLiteralsAndLikePatternsBecomeParameters() {
    NormalisedQuery q = NormalisedQuery.of("SELECT * FROM m WHERE ts >= DATE '2024-01-01' AND sensor LIKE 't1%'"
        + " AND s LIKE '%x_'");
    assertThat(q.sql()).isEqualTo("SELECT * FROM m WHERE ts >= ? AND sensor LIKE ? AND s LIKE ?");
    assertThat(q.literals()).containsExactly(new Literal(Kind.DATE, "2024-01-01"), new Literal(Kind.STRING, "t1%"),
        new Literal(Kind.STRING, "%x_"));
  }

  @Test
  void textsDifferingOnlyInLiteralsNormaliseAlike() {
    NormalisedQuery a = NormalisedQuery.of("SELECT * FROM m WHERE site = 'A' AND ts >= TIMESTAMP '2024-01-01 00:00:00'"
        + " AND value > 1 LIMIT 1");
    NormalisedQuery b = NormalisedQuery.of("SELECT * FROM m WHERE site = 'BB' AND ts >= TIMESTAMP '2025-06-01 10:00:00'"
        + " AND value > -1.5 LIMIT 20");
    assertThat(a.sql()).isEqualTo(b.sql());
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
    assertThat(new Literal(Kind.DATE, "1970-01-02").valueFor(Types.TIMESTAMP)).isEqualTo(86_400_000L);
    assertThat(new Literal(Kind.STRING, "1970-01-01 00:00:02").valueFor(Types.TIMESTAMP)).isEqualTo(2000L);
    assertThat(new Literal(Kind.INTEGER, "7").valueFor(Types.DOUBLE)).isEqualTo(7.0);
    assertThat(new Literal(Kind.DECIMAL, "-7.5").valueFor(Types.DOUBLE)).isEqualTo(-7.5);
    assertThat(new Literal(Kind.INTEGER, "-7").valueFor(Types.BIGINT)).isEqualTo(-7L);
    assertThat(new Literal(Kind.INTEGER, "5").valueFor(Types.INTEGER)).isEqualTo(5);
    assertThat(new Literal(Kind.STRING, "t1%").valueFor(Types.VARCHAR)).isEqualTo("t1%");
  }

  @Test
  void literalsThatCalciteWouldTreatDifferentlyDoNotBind() {
    assertThat(new Literal(Kind.INTEGER, "1").valueFor(Types.VARCHAR)).as("site = 1 compares numbers").isNull();
    assertThat(new Literal(Kind.INTEGER, "1000").valueFor(Types.TIMESTAMP)).as("ts >= 1000 is refused").isNull();
    assertThat(new Literal(Kind.DECIMAL, "7.5").valueFor(Types.BIGINT)).isNull();
    assertThat(new Literal(Kind.INTEGER, "99999999999").valueFor(Types.INTEGER)).isNull();
    assertThat(new Literal(Kind.STRING, "x").valueFor(Types.DOUBLE)).isNull();
    assertThat(new Literal(Kind.TIMESTAMP, "not a time").valueFor(Types.TIMESTAMP)).isNull();
    assertThat(new Literal(Kind.TIMESTAMP, "2024-02-30 00:00:00").valueFor(Types.TIMESTAMP)).isNull();
    assertThat(new Literal(Kind.TIMESTAMP, "2024-01-01 00:00:00.0001").valueFor(Types.TIMESTAMP)).isNull();
    assertThat(new Literal(Kind.DATE, "2023-02-29").valueFor(Types.TIMESTAMP)).isNull();
    assertThat(new Literal(Kind.STRING, "2024-01-01").valueFor(Types.TIMESTAMP)).isNull();
    assertThat(new Literal(Kind.DATE, "2024-01-01").valueFor(Types.DATE)).isNull();
    assertThat(new Literal(Kind.INTEGER, "1").valueFor(Types.DATE)).isNull();
  }
}
