package io.edgetimedb.grammar;

import org.antlr.v4.runtime.DefaultErrorStrategy;
import org.antlr.v4.runtime.InputMismatchException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.ATNState;

/**
 * ANTLR's default error strategy without its repairs, so that the first error is reported as
 * found and {@link SyntaxErrorListener} stops the parse there, and with the expected tokens of an
 * error reaching back to the optional clauses the parser skipped on the way to it.
 *
 * <p>The default strategy notes the first place since the last matched token where the parser
 * skipped an optional clause or left a loop. After {@code WHERE a = 'x'} that is the loop that
 * would take AND or OR, so an error at the next token can say that AND, OR, ';' or the end of
 * input were expected, instead of only the last two. ANTLR's {@code BailErrorStrategy} would stop
 * as early but drops that note; the default strategy uses it for a mismatched token but not when
 * it finds the mismatch ahead of an optional clause, which this class adds.
 *
 * <p>The repairs (deleting an extra token, inventing a missing one) are disabled because they
 * describe the error by the one token they would use, hiding the other possibilities as well.
 */
final class FailFastErrorStrategy extends DefaultErrorStrategy {

    @Override
    public void sync(Parser recognizer) {
        try {
            super.sync(recognizer);
        } catch (InputMismatchException mismatch) {
            if (nextTokensContext == null) {
                throw mismatch;
            }
            throw new InputMismatchException(recognizer, nextTokensState, nextTokensContext);
        }
    }

    @Override
    public void reportMatch(Parser recognizer) {
        super.reportMatch(recognizer);
        // The note was about the token just matched, not the next one. The default strategy only
        // clears it at its next check, which a token matched right after a nested rule never gets:
        // after "(a = 'x')" the note would still offer the ')' that was just matched.
        nextTokensContext = null;
        nextTokensState = ATNState.INVALID_STATE_NUMBER;
    }

    @Override
    protected Token singleTokenDeletion(Parser recognizer) {
        return null;
    }

    @Override
    protected boolean singleTokenInsertion(Parser recognizer) {
        return false;
    }
}
