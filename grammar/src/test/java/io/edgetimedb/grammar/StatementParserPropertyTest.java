package io.edgetimedb.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.grammar.CreateMeasurementPrinter.Spelling;
import io.edgetimedb.grammar.ast.ColumnDef;
import io.edgetimedb.grammar.ast.ColumnKind;
import io.edgetimedb.grammar.ast.CreateMeasurement;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties over generated statements and text, checked by jqwik. */
class StatementParserPropertyTest {

    @Property
    void printedStatementParsesBackToItself(
            @ForAll("statements") CreateMeasurement statement,
            @ForAll("spellings") Spelling spelling) {
        String sql = CreateMeasurementPrinter.print(statement, spelling);

        assertThat(StatementParser.parse(sql)).as(sql).contains(statement);
    }

    /** Whatever the text, the parser returns or throws its own exception, never another. */
    @Property
    void anyTextIsParsedDeclinedOrRejectedWithAPosition(@ForAll("statementLikeText") String sql) {
        try {
            StatementParser.parse(sql);
        } catch (StatementSyntaxException rejected) {
            assertThat(rejected.getLine()).isPositive();
            assertThat(rejected.getColumn()).isPositive();
        }
    }

    @Provide
    Arbitrary<CreateMeasurement> statements() {
        Arbitrary<ColumnDef> columns = Combinators
                .combine(names().filter(name -> !name.toLowerCase(Locale.ROOT).equals("ts")),
                        Arbitraries.of(ColumnKind.class))
                .as(ColumnDef::new);
        return Combinators
                .combine(names(),
                        Arbitraries.of(true, false),
                        columns.list().ofMinSize(1).ofMaxSize(8)
                                .uniqueElements(column -> column.name().toLowerCase(Locale.ROOT)))
                .as(CreateMeasurement::new);
    }

    @Provide
    Arbitrary<Spelling> spellings() {
        return Combinators
                .combine(Arbitraries.of(true, false),
                        Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 11),
                        Arbitraries.integers().between(-8, 8),
                        Arbitraries.of(" ", "\n", "\t ", " /* note */ ", " -- note\n", "/**/"),
                        Arbitraries.of(true, false))
                .as(Spelling::new)
                // Their combinations alone would outnumber the tries; the statements' are the ones
                // worth trying first.
                .withoutEdgeCases();
    }

    /** Plain names, keywords that are allowed as names, reserved words, and arbitrary text. */
    private Arbitrary<String> names() {
        Arbitrary<String> plain = Arbitraries.strings()
                .withCharRange('a', 'z').withChars("_0123456789").ofMinLength(1).ofMaxLength(10)
                .filter(name -> !Character.isDigit(name.charAt(0)));
        Arbitrary<String> keywords = Arbitraries.of(
                "value", "time", "timestamp", "count", "key", "type", "tag", "double", "series");
        Arbitrary<String> reserved = Arbitraries.of(CreateMeasurementPrinter.RESERVED_WORDS);
        Arbitrary<String> anyText = Arbitraries.strings().alpha().numeric()
                .withChars(" \"'-;()/*é温\n").ofMinLength(1).ofMaxLength(12);
        return Arbitraries.oneOf(plain, keywords, reserved, anyText);
    }

    /**
     * Fragments of our statements and of Calcite's in random order, often after the keywords that
     * claim a statement as ours so that the error paths get exercised, not only "not mine".
     */
    @Provide
    Arbitrary<String> statementLikeText() {
        Arbitrary<String> claim = Arbitraries.of("", "CREATE MEASUREMENT", "DROP MEASUREMENT",
                "SHOW MEASUREMENTS", "SHOW SERIES", "SHOW TAG", "SHOW FIELDS");
        Arbitrary<String> fragment = Arbitraries.of(
                "CREATE", "DROP", "SHOW", "MEASUREMENT", "MEASUREMENTS", "SERIES", "TAG", "KEYS",
                "VALUES", "FIELDS", "WITH", "KEY", "FROM", "WHERE", "IF", "NOT", "EXISTS", "IN",
                "LIKE", "AND", "OR", "SELECT", "TABLE", "ts", "TIMESTAMP", "DOUBLE", "x", "\"Q\"",
                "'v'", "(", ")", ",", "=", "<>", "!=", ";", "--", "/*", "*/", "'", "\"", "\n", "#");
        Arbitrary<String> fragments =
                fragment.list().ofMaxSize(12).map(list -> String.join(" ", list));
        return Combinators.combine(claim, fragments).as((keywords, rest) -> keywords + " " + rest);
    }
}
