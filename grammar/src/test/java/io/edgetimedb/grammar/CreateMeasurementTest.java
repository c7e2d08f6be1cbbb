package io.edgetimedb.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.grammar.ast.ColumnDef;
import io.edgetimedb.grammar.ast.ColumnKind;
import io.edgetimedb.grammar.ast.CreateMeasurement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CreateMeasurementTest {

    @Test
    void parsesNameAndColumnsInDeclarationOrder() {
        assertThat(parsed("CREATE MEASUREMENT cpu (host TAG, usage DOUBLE, cores BIGINT)"))
                .isEqualTo(new CreateMeasurement("cpu", false, List.of(
                        new ColumnDef("host", ColumnKind.TAG),
                        new ColumnDef("usage", ColumnKind.DOUBLE),
                        new ColumnDef("cores", ColumnKind.BIGINT))));
    }

    @Test
    void parsesIfNotExists() {
        assertThat(parsed("CREATE MEASUREMENT IF NOT EXISTS cpu (up BOOLEAN)"))
                .isEqualTo(new CreateMeasurement(
                        "cpu", true, List.of(new ColumnDef("up", ColumnKind.BOOLEAN))));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
        "TAG, TAG",
        "DOUBLE, DOUBLE", "FLOAT, DOUBLE",
        "BIGINT, BIGINT", "INT, BIGINT", "INTEGER, BIGINT", "LONG, BIGINT",
        "BOOLEAN, BOOLEAN", "BOOL, BOOLEAN",
        "VARCHAR, VARCHAR", "STRING, VARCHAR", "TEXT, VARCHAR",
        "VARBINARY, VARBINARY", "BYTES, VARBINARY", "BLOB, VARBINARY",
    })
    void acceptsEveryTypeNameAndSynonym(String typeName, ColumnKind kind) {
        assertThat(parsed("CREATE MEASUREMENT m (c " + typeName + ")"))
                .isEqualTo(new CreateMeasurement("m", false, List.of(new ColumnDef("c", kind))));
    }

    @Test
    void typeNamesAreCaseInsensitive() {
        assertThat(parsed("CREATE MEASUREMENT m (a Double, b varchar, c bLoB)"))
                .isEqualTo(new CreateMeasurement("m", false, List.of(
                        new ColumnDef("a", ColumnKind.DOUBLE),
                        new ColumnDef("b", ColumnKind.VARCHAR),
                        new ColumnDef("c", ColumnKind.VARBINARY))));
    }

    @Test
    void dropsADeclaredTimestampColumnTs() {
        assertThat(parsed("CREATE MEASUREMENT m (ts TIMESTAMP, v DOUBLE)"))
                .isEqualTo(parsed("CREATE MEASUREMENT m (v DOUBLE)"));
        assertThat(parsed("CREATE MEASUREMENT m (v DOUBLE, TS timestamp)"))
                .isEqualTo(parsed("CREATE MEASUREMENT m (v DOUBLE)"));
    }

    @Test
    void measurementWithOnlyTheTimestampHasNoColumns() {
        assertThat(parsed("CREATE MEASUREMENT m (ts TIMESTAMP)"))
                .isEqualTo(new CreateMeasurement("m", false, List.of()));
    }

    @Test
    void acceptsCommonColumnNamesThatAreKeywords() {
        String sql = "CREATE MEASUREMENT measurement (value DOUBLE, time BIGINT, timestamp BIGINT,"
                + " count BIGINT, key TAG, type TAG, tag TAG, double DOUBLE, series TAG)";

        assertThat(parsed(sql)).isEqualTo(new CreateMeasurement("measurement", false, List.of(
                new ColumnDef("value", ColumnKind.DOUBLE),
                new ColumnDef("time", ColumnKind.BIGINT),
                new ColumnDef("timestamp", ColumnKind.BIGINT),
                new ColumnDef("count", ColumnKind.BIGINT),
                new ColumnDef("key", ColumnKind.TAG),
                new ColumnDef("type", ColumnKind.TAG),
                new ColumnDef("tag", ColumnKind.TAG),
                new ColumnDef("double", ColumnKind.DOUBLE),
                new ColumnDef("series", ColumnKind.TAG))));
    }

    @Test
    void lowerCasesUnquotedNamesAndKeepsQuotedOnes() {
        assertThat(parsed("CREATE MEASUREMENT \"Boiler Room\" (Host TAG, \"Temp\" DOUBLE)"))
                .isEqualTo(new CreateMeasurement("Boiler Room", false, List.of(
                        new ColumnDef("host", ColumnKind.TAG),
                        new ColumnDef("Temp", ColumnKind.DOUBLE))));
    }

    @Test
    void quotedNamesMayBeReservedWordsAndContainQuotes() {
        assertThat(parsed("CREATE MEASUREMENT \"from\" (\"say \"\"hi\"\"\" TEXT, \"ts2\" INT)"))
                .isEqualTo(new CreateMeasurement("from", false, List.of(
                        new ColumnDef("say \"hi\"", ColumnKind.VARCHAR),
                        new ColumnDef("ts2", ColumnKind.BIGINT))));
    }

    @Test
    void acceptsUnicodeLettersInUnquotedNames() {
        assertThat(parsed("CREATE MEASUREMENT Kessel_1 (Température DOUBLE)"))
                .isEqualTo(new CreateMeasurement("kessel_1", false,
                        List.of(new ColumnDef("température", ColumnKind.DOUBLE))));
    }

    private static Object parsed(String sql) {
        return StatementParser.parse(sql).orElseThrow();
    }
}
