package io.edgetimedb.grammar;

import org.antlr.v4.runtime.Token;

/**
 * The first syntax error of a parse; it stops the parser. For a statement that belongs to Calcite
 * this is the expected outcome rather than a failure, so it carries no stack trace, which would
 * cost more than the parse: {@link StatementParser} then returns empty, and otherwise rethrows it
 * as a {@link StatementSyntaxException}.
 */
final class ParseFailure extends RuntimeException {

    private final Token offendingToken;
    private final String detail;

    ParseFailure(Token offendingToken, String detail) {
        super(detail, null, false, false);
        this.offendingToken = offendingToken;
        this.detail = detail;
    }

    /** How many significant tokens precede the offending one. */
    int offendingTokenIndex() {
        return offendingToken.getTokenIndex();
    }

    StatementSyntaxException toStatementSyntaxException() {
        return StatementSyntaxException.at(offendingToken, detail);
    }
}
