package io.edgetimedb.grammar;

import org.antlr.v4.runtime.Token;

/**
 * A statement that starts like an EdgeTimeDB statement but is malformed, or declares something
 * invalid such as a duplicate column. The message reads
 * {@code line 1, column 27: unexpected 'FOO', expected one of: TAG, DOUBLE, ...}.
 */
public final class StatementSyntaxException extends RuntimeException {

    private final int line;
    private final int column;
    private final String offendingToken;

    private StatementSyntaxException(int line, int column, String offendingToken, String detail) {
        super("line " + line + ", column " + column + ": " + detail);
        this.line = line;
        this.column = column;
        this.offendingToken = offendingToken;
    }

    /** An error located at {@code token}; {@code detail} says what is wrong with it. */
    static StatementSyntaxException at(Token token, String detail) {
        // ANTLR counts columns from 0; editors and people count from 1.
        return new StatementSyntaxException(
                token.getLine(), token.getCharPositionInLine() + 1, token.getText(), detail);
    }

    /** The line of the offending token, counted from 1. */
    public int getLine() {
        return line;
    }

    /** The column where the offending token starts, counted from 1 in code points. */
    public int getColumn() {
        return column;
    }

    /** The offending token as written in the statement, or {@code <EOF>} at the end of input. */
    public String getOffendingToken() {
        return offendingToken;
    }
}
