package io.edgetimedb.grammar;

import io.edgetimedb.grammar.ast.EdgeStatement;
import java.util.Objects;
import java.util.Optional;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CommonTokenStream;

/**
 * Parses the EdgeTimeDB statements that Apache Calcite's SQL parser does not know, such as
 * {@code CREATE MEASUREMENT} and {@code SHOW SERIES}.
 *
 * <p>The driver offers every statement here first. A statement is claimed by its first two
 * keywords; anything else yields an empty result, cheaply and without an exception, and goes to
 * Calcite. Safe to use from several threads at once.
 */
public final class StatementParser {

    /*
     * Every statement of ours starts with two keywords that start no Calcite statement
     * (CREATE MEASUREMENT, SHOW TAG), so a syntax error within the first two tokens means the
     * statement is not ours, and one after them means it is ours but malformed.
     */
    private static final int CLAIMING_TOKEN_COUNT = 2;

    private static final SyntaxErrorListener SYNTAX_ERROR_LISTENER = new SyntaxErrorListener();

    private StatementParser() {}

    /**
     * Parses one statement, optionally followed by a semicolon.
     *
     * @param sql the statement text
     * @return the statement, or empty when it is not an EdgeTimeDB statement
     * @throws StatementSyntaxException when the statement starts as an EdgeTimeDB statement but is
     *     malformed, or declares something invalid such as a duplicate column
     */
    public static Optional<EdgeStatement> parse(String sql) {
        Objects.requireNonNull(sql, "sql");
        EdgeStatementParser.SingleStatementContext tree;
        try {
            tree = parserOf(sql).singleStatement();
        } catch (ParseFailure failure) {
            if (failure.offendingTokenIndex() < CLAIMING_TOKEN_COUNT) {
                return Optional.empty();
            }
            throw failure.toStatementSyntaxException();
        }
        return Optional.of(new AstBuilder().visit(tree));
    }

    private static EdgeStatementParser parserOf(String sql) {
        EdgeStatementLexer lexer = new EdgeStatementLexer(CharStreams.fromString(sql));
        // The lexer turns any text into tokens (see UNRECOGNIZED in the grammar) and so never
        // reports an error; without its console listener nothing could reach stderr even if it did.
        lexer.removeErrorListeners();
        EdgeStatementParser parser = new EdgeStatementParser(new CommonTokenStream(lexer));
        parser.removeErrorListeners();
        parser.addErrorListener(SYNTAX_ERROR_LISTENER);
        parser.setErrorHandler(new FailFastErrorStrategy());
        return parser;
    }
}
