package io.edgetimedb.sql.parse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NaturalNamesTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "SELECT time, Timestamp FROM m|SELECT \"time\", \"timestamp\" FROM m",
      "SELECT ts FROM m WHERE time > 3 ORDER BY time|SELECT ts FROM m WHERE \"time\" > 3 ORDER BY \"time\"",
      "SELECT first(value, ts), LAST (v, ts) FROM m|SELECT \"first\"(value, ts), \"last\" (v, ts) FROM m",
      "SELECT CAST(x AS TIMESTAMP), CAST(y AS TIME) FROM m|SELECT CAST(x AS TIMESTAMP), CAST(y AS TIME) FROM m",
      "SELECT * FROM m WHERE ts > TIMESTAMP '2024-01-01 00:00:00'|SELECT * FROM m WHERE ts > TIMESTAMP '2024-01-01 00:00:00'",
      "SELECT x::timestamp, TIMESTAMP(3) FROM m|SELECT x::timestamp, TIMESTAMP(3) FROM m",
      "SELECT CAST(x AS TIMESTAMP WITH LOCAL TIME ZONE) FROM m|SELECT CAST(x AS TIMESTAMP WITH LOCAL TIME ZONE) FROM m",
      "SELECT 'time', \"time\" FROM m -- time|SELECT 'time', \"time\" FROM m -- time",
      "SELECT NULLS FIRST, first_value(x) FROM m|SELECT NULLS FIRST, first_value(x) FROM m",
      "SELECT /* time */ time FROM m|SELECT /* time */ \"time\" FROM m",
      "SELECT ts AS time, ts AS Timestamp FROM m|SELECT ts AS \"time\", ts AS \"timestamp\" FROM m",
      "SELECT CAST((x) AS time) AS time FROM m|SELECT CAST((x) AS time) AS \"time\" FROM m",
      "SELECT CAST((SELECT ts AS time FROM m) AS TIMESTAMP(3))|SELECT CAST((SELECT ts AS \"time\" FROM m) AS TIMESTAMP(3))",
      "SELECT count(*) AS time FROM (SELECT ts FROM m)|SELECT count(*) AS \"time\" FROM (SELECT ts FROM m)"})
  void quotesTheWordsWhereTheyAreNamesAndNowhereElse(String sql, String expected) {
    assertThat(NaturalNames.quote(sql)).isEqualTo(expected);
  }
}
