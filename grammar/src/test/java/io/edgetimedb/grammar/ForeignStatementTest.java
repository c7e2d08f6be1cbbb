package io.edgetimedb.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Statements that belong to Calcite: the parser declines them quietly. */
class ForeignStatementTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT * FROM cpu WHERE host = 'a'",
        "select avg(value) from cpu group by host",
        "INSERT INTO cpu (host, value) VALUES ('a', 1.5)",
        "UPDATE cpu SET value = 1",
        "DELETE FROM cpu WHERE ts < TIMESTAMP '2024-01-01 00:00:00'",
        "WITH recent AS (SELECT * FROM cpu) SELECT * FROM recent",
        "EXPLAIN PLAN FOR SELECT * FROM cpu",
        "VALUES (1, 2)",
        "CALL refresh('cpu')",
        "CREATE TABLE t (a INT)",
        "CREATE VIEW v AS SELECT * FROM cpu",
        "DROP TABLE t",
        "DROP VIEW v",
        "SHOW TABLES",
        "(SELECT 1)",
        "/* comment */ SELECT 1",
        "-- comment\nselect 1;",
    })
    void declinesCalciteStatements(String sql) {
        assertThat(StatementParser.parse(sql)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "   ", ";", "-- only a comment", "/* unterminated comment", "'unterminated string",
        "\"unterminated name", "#!?", "CREATE", "DROP", "SHOW", "CREATE measurements m (a TAG)",
    })
    void declinesWhatDoesNotStartWithTwoOfItsKeywords(String sql) {
        assertThat(StatementParser.parse(sql)).isEmpty();
    }
}
