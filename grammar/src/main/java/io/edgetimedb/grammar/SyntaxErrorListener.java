package io.edgetimedb.grammar;

import org.antlr.v4.runtime.BaseErrorListener;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.Recognizer;
import org.antlr.v4.runtime.Token;

/**
 * Stops the parse at the first syntax error by throwing a {@link ParseFailure} that names the
 * offending token and the tokens expected in its place. It replaces ANTLR's console listener,
 * which would print to stderr and let the parser carry on.
 */
final class SyntaxErrorListener extends BaseErrorListener {

    @Override
    public void syntaxError(
            Recognizer<?, ?> recognizer,
            Object offendingSymbol,
            int line,
            int charPositionInLine,
            String antlrMessage,
            RecognitionException error) {
        Token offendingToken = (Token) offendingSymbol;
        String detail = TokenNames.describeError(
                offendingToken, ExpectedTokens.at((Parser) recognizer, error));
        throw new ParseFailure(offendingToken, detail);
    }
}
