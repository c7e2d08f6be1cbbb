package io.edgetimedb.grammar;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.grammar.ast.ShowTagKeys;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Case, whitespace, comments and the trailing semicolon, shown on one statement. */
class LexicalStructureTest {

    private static final ShowTagKeys SHOW_TAG_KEYS_FROM_CPU = new ShowTagKeys(Optional.of("cpu"));

    @ParameterizedTest
    @ValueSource(strings = {
        "SHOW TAG KEYS FROM cpu",
        "show tag keys from cpu",
        "Show Tag Keys From CPU",
        "sHoW tAg KeYs FrOm \"cpu\"",
    })
    void keywordsAndUnquotedNamesIgnoreCase(String sql) {
        assertThat(StatementParser.parse(sql)).contains(SHOW_TAG_KEYS_FROM_CPU);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SHOW TAG KEYS FROM cpu;",
        "SHOW TAG KEYS FROM cpu ;  ",
        "  \t\r\n SHOW\nTAG\tKEYS \r\n FROM\fcpu\n",
        "-- which tags?\nSHOW TAG KEYS FROM cpu",
        "SHOW TAG KEYS FROM cpu -- the boiler",
        "SHOW TAG KEYS FROM cpu; -- done",
        "/* leading */ SHOW/**/TAG /* multi\nline */ KEYS FROM cpu /* trailing */",
        "SHOW TAG KEYS FROM/* no spaces */cpu;/**/",
        "/* a comment may hold -- and ; and 'quotes' */ SHOW TAG KEYS FROM cpu",
    })
    void ignoresWhitespaceCommentsAndOneTrailingSemicolon(String sql) {
        assertThat(StatementParser.parse(sql)).contains(SHOW_TAG_KEYS_FROM_CPU);
    }
}
