package io.edgetimedb.grammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Statements that start as ours but are malformed: the error names the spot and the cure. */
class SyntaxErrorTest {

    private static final String COLUMN_TYPES = "TAG, DOUBLE, BIGINT, BOOLEAN, VARCHAR, VARBINARY,"
            + " TIMESTAMP, FLOAT, INT, INTEGER, LONG, BOOL, STRING, TEXT, BYTES, BLOB";

    @Test
    void unknownColumnTypeListsTheTypes() {
        StatementSyntaxException error =
                syntaxError("CREATE MEASUREMENT cpu (host FOO)");

        assertThat(error).hasMessage(
                "line 1, column 30: unexpected 'FOO', expected one of: " + COLUMN_TYPES);
        assertPosition(error, 1, 30, "FOO");
    }

    @Test
    void reportsLineAndColumnOnLaterLines() {
        StatementSyntaxException error = syntaxError(
                "CREATE MEASUREMENT cpu (\n    host TAG,\n    usage DOUBEL\n)");

        assertThat(error).hasMessage(
                "line 3, column 11: unexpected 'DOUBEL', expected one of: " + COLUMN_TYPES);
        assertPosition(error, 3, 11, "DOUBEL");
    }

    @Test
    void countsColumnsFromTheStartOfTheLineAfterComments() {
        StatementSyntaxException error = syntaxError(
                "/* list tags\n   of cpu */ SHOW TAG KEYS\nFROM -- which one?\n  'cpu'");

        assertThat(error).hasMessage(
                "line 4, column 3: unexpected string literal 'cpu', expected identifier");
        assertPosition(error, 4, 3, "'cpu'");
    }

    @Test
    void missingClosingParenthesisAtTheEnd() {
        StatementSyntaxException error = syntaxError("CREATE MEASUREMENT cpu (host TAG\n");

        assertThat(error).hasMessage(
                "line 2, column 1: unexpected end of input, expected one of: ')', ','");
        assertPosition(error, 2, 1, "<EOF>");
    }

    @Test
    void missingOpeningParenthesis() {
        StatementSyntaxException error = syntaxError("CREATE MEASUREMENT cpu host TAG)");

        assertThat(error).hasMessage("line 1, column 24: unexpected 'host', expected '('");
        assertPosition(error, 1, 24, "host");
    }

    @Test
    void incompleteShowTagNamesBothContinuations() {
        StatementSyntaxException error = syntaxError("SHOW TAG FIELDS");

        assertThat(error).hasMessage(
                "line 1, column 10: unexpected 'FIELDS', expected one of: KEYS, VALUES");
        assertPosition(error, 1, 10, "FIELDS");
    }

    @Test
    void missingNameSaysIdentifierRatherThanListingKeywords() {
        StatementSyntaxException error = syntaxError("DROP MEASUREMENT IF EXISTS ;");

        assertThat(error).hasMessage("line 1, column 28: unexpected ';', expected identifier");
        assertPosition(error, 1, 28, ";");
    }

    @Test
    void reservedWordIsNotAName() {
        StatementSyntaxException error = syntaxError("SHOW FIELDS FROM where");

        assertThat(error).hasMessage("line 1, column 18: unexpected 'where', expected identifier");
    }

    @Test
    void tokenAfterACompleteConditionListsWhatCouldContinueIt() {
        StatementSyntaxException error =
                syntaxError("SHOW SERIES FROM cpu WHERE (host = 'a') LIMIT 10");

        assertThat(error).hasMessage("line 1, column 41: unexpected 'LIMIT',"
                + " expected one of: AND, OR, ';', end of input");
        assertPosition(error, 1, 41, "LIMIT");
    }

    @Test
    void incompleteComparisonListsTheOperators() {
        StatementSyntaxException error = syntaxError("SHOW SERIES WHERE host\n  AND site = 'x'");

        assertThat(error).hasMessage("line 2, column 3: unexpected 'AND',"
                + " expected one of: LIKE, IN, NOT, '=', '<>', '!='");
        assertPosition(error, 2, 3, "AND");
    }

    @Test
    void tagValueMustBeAStringLiteral() {
        StatementSyntaxException error = syntaxError("SHOW SERIES WHERE host = \"a\"");

        assertThat(error)
                .hasMessage("line 1, column 26: unexpected '\"a\"', expected string literal");
    }

    @Test
    void showTagValuesNeedsAKey() {
        StatementSyntaxException error = syntaxError("SHOW TAG VALUES FROM cpu");

        assertThat(error).hasMessage("line 1, column 25: unexpected end of input, expected WITH");
        assertPosition(error, 1, 25, "<EOF>");
    }

    @Test
    void secondStatementIsRejected() {
        StatementSyntaxException error = syntaxError("SHOW FIELDS; SHOW TAG KEYS");

        assertThat(error).hasMessage("line 1, column 14: unexpected 'SHOW', expected end of input");
    }

    @Test
    void likePatternMustBeQuoted() {
        StatementSyntaxException error = syntaxError("SHOW MEASUREMENTS LIKE cpu%");

        assertThat(error)
                .hasMessage("line 1, column 24: unexpected 'cpu', expected string literal");
    }

    @Test
    void unknownCharacterIsAnUnexpectedToken() {
        StatementSyntaxException error = syntaxError("CREATE MEASUREMENT cpu # (host TAG)");

        assertThat(error).hasMessage("line 1, column 24: unexpected '#', expected '('");
        assertPosition(error, 1, 24, "#");
    }

    @Test
    void unterminatedLiteralsAndCommentsAreNamedAtTheirStart() {
        assertThat(syntaxError("SHOW MEASUREMENTS LIKE 'cpu%"))
                .hasMessage("line 1, column 24: unterminated string literal");
        assertThat(syntaxError("DROP MEASUREMENT \"cpu"))
                .hasMessage("line 1, column 18: unterminated quoted identifier");
        assertThat(syntaxError("SHOW FIELDS\n  /* from cpu"))
                .hasMessage("line 2, column 3: unterminated comment");
    }

    @Test
    void printsNothingToTheConsole() {
        PrintStream originalErr = System.err;
        PrintStream originalOut = System.out;
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(console, true, StandardCharsets.UTF_8)) {
            System.setErr(capture);
            System.setOut(capture);
            syntaxError("CREATE MEASUREMENT m (a FOO)");
            syntaxError("SHOW TAG FOO");
            syntaxError("SHOW SERIES WHERE a = 'x' FOO BAR");
            StatementParser.parse("SELECT 'unterminated");
        } finally {
            System.setErr(originalErr);
            System.setOut(originalOut);
        }
        assertThat(console.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    private static StatementSyntaxException syntaxError(String sql) {
        StatementSyntaxException error = catchThrowableOfType(
                StatementSyntaxException.class, () -> StatementParser.parse(sql));
        assertThat(error).as("error for %s", sql).isNotNull();
        return error;
    }

    private static void assertPosition(
            StatementSyntaxException error, int line, int column, String offendingToken) {
        assertThat(error.getLine()).as("line").isEqualTo(line);
        assertThat(error.getColumn()).as("column").isEqualTo(column);
        assertThat(error.getOffendingToken()).as("offending token").isEqualTo(offendingToken);
    }
}
