package io.edgetimedb.grammar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.junit.jupiter.api.Test;

/** Declarations that parse but cannot be meant: reported at the offending column. */
class SemanticErrorTest {

    @Test
    void duplicateColumnIsNamedAtItsSecondDeclaration() {
        StatementSyntaxException error =
                error("CREATE MEASUREMENT cpu (host TAG, usage DOUBLE, host VARCHAR)");

        assertThat(error).hasMessage("line 1, column 49: duplicate column 'host'");
        assertThat(error.getLine()).isEqualTo(1);
        assertThat(error.getColumn()).isEqualTo(49);
        assertThat(error.getOffendingToken()).isEqualTo("host");
    }

    @Test
    void duplicatesAreFoundRegardlessOfCaseAndQuoting() {
        StatementSyntaxException error =
                error("CREATE MEASUREMENT cpu (\n  \"Usage\" DOUBLE,\n  usage BIGINT\n)");

        assertThat(error).hasMessage("line 3, column 3: duplicate column 'usage'");
        assertThat(error.getOffendingToken()).isEqualTo("usage");
    }

    @Test
    void declaringTheTimestampTwiceIsADuplicate() {
        assertThat(error("CREATE MEASUREMENT cpu (ts TIMESTAMP, v DOUBLE, ts TIMESTAMP)"))
                .hasMessage("line 1, column 49: duplicate column 'ts'");
    }

    @Test
    void timestampColumnOtherThanTsIsRejected() {
        StatementSyntaxException error =
                error("CREATE MEASUREMENT cpu (v DOUBLE,\n  taken_at TIMESTAMP)");

        assertThat(error).hasMessage("line 2, column 3: column 'taken_at' cannot be TIMESTAMP:"
                + " the only timestamp is the implicit column 'ts'");
        assertThat(error.getOffendingToken()).isEqualTo("taken_at");
    }

    @Test
    void tsOfAnotherTypeIsRejected() {
        StatementSyntaxException error = error("CREATE MEASUREMENT cpu (\"TS\" BIGINT)");

        assertThat(error).hasMessage("line 1, column 25:"
                + " column 'TS' is the implicit timestamp and can only be TIMESTAMP");
        assertThat(error.getOffendingToken()).isEqualTo("\"TS\"");
    }

    @Test
    void emptyQuotedNameIsRejected() {
        StatementSyntaxException error = error("CREATE MEASUREMENT \"\" (v DOUBLE)");

        assertThat(error).hasMessage("line 1, column 20: a name cannot be empty");
    }

    private static StatementSyntaxException error(String sql) {
        StatementSyntaxException error = catchThrowableOfType(
                StatementSyntaxException.class, () -> StatementParser.parse(sql));
        assertThat(error).as("error for %s", sql).isNotNull();
        return error;
    }
}
