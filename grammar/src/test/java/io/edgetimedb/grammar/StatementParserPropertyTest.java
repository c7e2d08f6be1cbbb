package io.edgetimedb.grammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import io.edgetimedb.grammar.CreateMeasurementPrinter.Spelling;
import io.edgetimedb.grammar.ast.ColumnDef;
import io.edgetimedb.grammar.ast.ColumnKind;
import io.edgetimedb.grammar.ast.CreateMeasurement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** Properties over generated statements and text, checked by QuickTheories. */
class StatementParserPropertyTest {

    @Test
    void printedStatementParsesBackToItself() {
        qt().withExamples(1000)
                .forAll(statements(), spellings())
                .checkAssert((statement, spelling) -> {
                    String sql = CreateMeasurementPrinter.print(statement, spelling);
                    assertThat(StatementParser.parse(sql)).as(sql).contains(statement);
                });
    }

    /** Whatever the text, the parser returns or throws its own exception, never another. */
    @Test
    void anyTextIsParsedDeclinedOrRejectedWithAPosition() {
        qt().withExamples(1000).forAll(statementLikeText()).checkAssert(sql -> {
            try {
                StatementParser.parse(sql);
            } catch (StatementSyntaxException rejected) {
                assertThat(rejected.getLine()).isPositive();
                assertThat(rejected.getColumn()).isPositive();
            }
        });
    }

    private static Gen<CreateMeasurement> statements() {
        Gen<String> columnNames = names().assuming(name -> !name.toLowerCase(Locale.ROOT).equals("ts"));
        Gen<ColumnDef> columns = columnNames.zip(Generate.enumValues(ColumnKind.class), ColumnDef::new);
        return names().zip(booleans().all(),
                lists().of(columns).ofSizeBetween(1, 8).map(StatementParserPropertyTest::uniqueNames),
                CreateMeasurement::new);
    }

    /** Names compare without case, so of columns that only differ in case the first stays. */
    private static List<ColumnDef> uniqueNames(List<ColumnDef> columns) {
        Map<String, ColumnDef> byName = new LinkedHashMap<>();
        columns.forEach(column -> byName.putIfAbsent(column.name().toLowerCase(Locale.ROOT), column));
        return List.copyOf(byName.values());
    }

    private static Gen<Spelling> spellings() {
        Gen<Boolean> flag = booleans().all();
        Gen<String> separators = Generate.pick(List.of(" ", "\n", "\t ", " /* note */ ", " -- note\n", "/**/"));
        Gen<BiFunction<String, Boolean, Spelling>> casingAndLayout = flag.zip(flag,
                integers().between(0, 11), integers().between(-8, 8),
                (upperCase, quoteAllNames, synonymSeed, timestampPosition) -> (separator, semicolon) ->
                        new Spelling(upperCase, quoteAllNames, synonymSeed, timestampPosition, separator, semicolon));
        return casingAndLayout.zip(separators, flag, BiFunction::apply);
    }

    /** Plain names, keywords that are allowed as names, reserved words, and arbitrary text. */
    private static Gen<String> names() {
        String letters = "abcdefghijklmnopqrstuvwxyz";
        Gen<String> plain = text(letters + "_", 1, 1).zip(text(letters + "_0123456789", 0, 9), String::concat);
        Gen<String> keywords = Generate.pick(List.of(
                "value", "time", "timestamp", "count", "key", "type", "tag", "double", "series"));
        // sorted: a set's order changes from run to run, and a seed must draw the same names again
        Gen<String> reserved = Generate.pick(CreateMeasurementPrinter.RESERVED_WORDS.stream().sorted().toList());
        Gen<String> anyText = text(letters + letters.toUpperCase(Locale.ROOT) + "0123456789 \"'-;()/*é温\n", 1, 12);
        return Generate.oneOf(plain, keywords, reserved, anyText);
    }

    /**
     * Fragments of our statements and of Calcite's in random order, often after the keywords that
     * claim a statement as ours so that the error paths get exercised, not only "not mine".
     */
    private static Gen<String> statementLikeText() {
        Gen<String> claim = Generate.pick(List.of("", "CREATE MEASUREMENT", "DROP MEASUREMENT",
                "SHOW MEASUREMENTS", "SHOW SERIES", "SHOW TAG", "SHOW FIELDS"));
        Gen<String> fragment = Generate.pick(List.of(
                "CREATE", "DROP", "SHOW", "MEASUREMENT", "MEASUREMENTS", "SERIES", "TAG", "KEYS",
                "VALUES", "FIELDS", "WITH", "KEY", "FROM", "WHERE", "IF", "NOT", "EXISTS", "IN",
                "LIKE", "AND", "OR", "SELECT", "TABLE", "ts", "TIMESTAMP", "DOUBLE", "x", "\"Q\"",
                "'v'", "(", ")", ",", "=", "<>", "!=", ";", "--", "/*", "*/", "'", "\"", "\n", "#"));
        Gen<String> fragments = lists().of(fragment).ofSizeBetween(0, 12).map(list -> String.join(" ", list));
        return claim.zip(fragments, (keywords, rest) -> keywords + " " + rest);
    }

    /** Text of {@code min} to {@code max} characters of {@code alphabet}. */
    private static Gen<String> text(String alphabet, int min, int max) {
        Gen<Character> chars = Generate.pick(alphabet.chars().mapToObj(c -> (char) c).toList());
        return lists().of(chars).ofSizeBetween(min, max)
                .map(list -> list.stream().map(String::valueOf).collect(Collectors.joining()));
    }
}
