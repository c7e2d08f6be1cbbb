package io.edgetimedb.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.grammar.ast.DropMeasurement;
import io.edgetimedb.grammar.ast.ShowFields;
import io.edgetimedb.grammar.ast.ShowMeasurements;
import io.edgetimedb.grammar.ast.ShowSeries;
import io.edgetimedb.grammar.ast.ShowTagKeys;
import io.edgetimedb.grammar.ast.ShowTagValues;
import io.edgetimedb.grammar.ast.TagCondition;
import io.edgetimedb.grammar.ast.TagCondition.And;
import io.edgetimedb.grammar.ast.TagCondition.Equals;
import io.edgetimedb.grammar.ast.TagCondition.In;
import io.edgetimedb.grammar.ast.TagCondition.Like;
import io.edgetimedb.grammar.ast.TagCondition.Not;
import io.edgetimedb.grammar.ast.TagCondition.NotEquals;
import io.edgetimedb.grammar.ast.TagCondition.Or;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DropAndShowStatementTest {

    @Test
    void parsesDropMeasurement() {
        assertThat(parsed("DROP MEASUREMENT cpu")).isEqualTo(new DropMeasurement("cpu", false));
        assertThat(parsed("DROP MEASUREMENT IF EXISTS \"Cpu\""))
                .isEqualTo(new DropMeasurement("Cpu", true));
    }

    @Test
    void parsesShowMeasurements() {
        assertThat(parsed("SHOW MEASUREMENTS")).isEqualTo(new ShowMeasurements(Optional.empty()));
        assertThat(parsed("SHOW MEASUREMENTS LIKE 'boiler''s%'"))
                .isEqualTo(new ShowMeasurements(Optional.of("boiler's%")));
    }

    @Test
    void parsesShowSeries() {
        assertThat(parsed("SHOW SERIES"))
                .isEqualTo(new ShowSeries(Optional.empty(), Optional.empty()));
        assertThat(parsed("SHOW SERIES FROM cpu"))
                .isEqualTo(new ShowSeries(Optional.of("cpu"), Optional.empty()));
        assertThat(parsed("SHOW SERIES WHERE host = 'a'"))
                .isEqualTo(new ShowSeries(Optional.empty(), Optional.of(new Equals("host", "a"))));
        assertThat(parsed("SHOW SERIES FROM cpu WHERE host = 'a'"))
                .isEqualTo(new ShowSeries(
                        Optional.of("cpu"), Optional.of(new Equals("host", "a"))));
    }

    @Test
    void parsesShowTagKeys() {
        assertThat(parsed("SHOW TAG KEYS")).isEqualTo(new ShowTagKeys(Optional.empty()));
        assertThat(parsed("SHOW TAG KEYS FROM cpu")).isEqualTo(new ShowTagKeys(Optional.of("cpu")));
    }

    @Test
    void parsesShowTagValuesOfOneKey() {
        assertThat(parsed("SHOW TAG VALUES WITH KEY = host"))
                .isEqualTo(new ShowTagValues(Optional.empty(), List.of("host")));
        assertThat(parsed("SHOW TAG VALUES FROM cpu WITH KEY = \"Site\""))
                .isEqualTo(new ShowTagValues(Optional.of("cpu"), List.of("Site")));
    }

    @Test
    void parsesShowTagValuesOfSeveralKeys() {
        assertThat(parsed("SHOW TAG VALUES FROM cpu WITH KEY IN (host, Region, key)"))
                .isEqualTo(new ShowTagValues(Optional.of("cpu"), List.of("host", "region", "key")));
    }

    @Test
    void parsesShowFields() {
        assertThat(parsed("SHOW FIELDS")).isEqualTo(new ShowFields(Optional.empty()));
        assertThat(parsed("SHOW FIELDS FROM cpu")).isEqualTo(new ShowFields(Optional.of("cpu")));
    }

    @Test
    void parsesEveryTagComparison() {
        assertThat(condition("k = 'v'")).isEqualTo(new Equals("k", "v"));
        assertThat(condition("k <> 'v'")).isEqualTo(new NotEquals("k", "v"));
        assertThat(condition("k != 'v'")).isEqualTo(new NotEquals("k", "v"));
        assertThat(condition("k IN ('a', 'b')")).isEqualTo(new In("k", List.of("a", "b"), false));
        assertThat(condition("k NOT IN ('a')")).isEqualTo(new In("k", List.of("a"), true));
        assertThat(condition("k LIKE 'abc%'")).isEqualTo(new Like("k", "abc%"));
    }

    @Test
    void tagKeysMayBeKeywordsAndValuesMayContainQuotes() {
        assertThat(condition("key = 'it''s' AND \"Type\" = ''"))
                .isEqualTo(new And(new Equals("key", "it's"), new Equals("Type", "")));
    }

    @Test
    void notBindsTighterThanAndWhichBindsTighterThanOr() {
        assertThat(condition("NOT a = '1' AND b = '2' OR c = '3'"))
                .isEqualTo(new Or(
                        new And(new Not(new Equals("a", "1")), new Equals("b", "2")),
                        new Equals("c", "3")));
        assertThat(condition("a = '1' OR b = '2' AND c = '3'"))
                .isEqualTo(new Or(
                        new Equals("a", "1"),
                        new And(new Equals("b", "2"), new Equals("c", "3"))));
    }

    @Test
    void andAndOrGroupFromTheLeft() {
        assertThat(condition("a = '1' AND b = '2' AND c = '3'"))
                .isEqualTo(new And(
                        new And(new Equals("a", "1"), new Equals("b", "2")), new Equals("c", "3")));
    }

    @Test
    void parenthesesOverridePrecedence() {
        assertThat(condition("(a = '1' OR b = '2') AND NOT (c = '3' OR ((d LIKE '4%')))"))
                .isEqualTo(new And(
                        new Or(new Equals("a", "1"), new Equals("b", "2")),
                        new Not(new Or(new Equals("c", "3"), new Like("d", "4%")))));
    }

    private static TagCondition condition(String sql) {
        ShowSeries series = (ShowSeries) parsed("SHOW SERIES WHERE " + sql);
        return series.where().orElseThrow();
    }

    private static Object parsed(String sql) {
        return StatementParser.parse(sql).orElseThrow();
    }
}
