package io.edgetimedb.grammar;

import org.antlr.v4.runtime.NoViableAltException;
import org.antlr.v4.runtime.Parser;
import org.antlr.v4.runtime.RecognitionException;
import org.antlr.v4.runtime.atn.ATNConfig;
import org.antlr.v4.runtime.atn.ATNConfigSet;
import org.antlr.v4.runtime.atn.Transition;
import org.antlr.v4.runtime.misc.IntervalSet;

/** The token types that would have been valid at the point of a syntax error. */
final class ExpectedTokens {

    private ExpectedTokens() {}

    /**
     * The tokens expected where {@code error} occurred, or where the parser stands now when ANTLR
     * reports an error without an exception.
     */
    static IntervalSet at(Parser parser, RecognitionException error) {
        if (error instanceof NoViableAltException noViableAlt
                && noViableAlt.getDeadEndConfigs() != null) {
            return continuationsOf(noViableAlt.getDeadEndConfigs());
        }
        return error == null ? parser.getExpectedTokens() : error.getExpectedTokens();
    }

    /*
     * A prediction that looked several tokens ahead (after SHOW TAG it must see KEYS or VALUES to
     * choose) reports the tokens that were valid where the decision started, which for
     * SHOW TAG FOO would be MEASUREMENTS, SERIES, TAG and FIELDS. The configurations that the
     * prediction was left with when it met the offending token say what was valid there instead:
     * ANTLR keeps only states with a token-consuming transition in them, and the labels of those
     * transitions are the tokens.
     */
    private static IntervalSet continuationsOf(ATNConfigSet configs) {
        IntervalSet expected = new IntervalSet();
        for (ATNConfig config : configs) {
            for (Transition transition : config.state.getTransitions()) {
                if (!transition.isEpsilon()) {
                    expected.addAll(transition.label());
                }
            }
        }
        return expected;
    }
}
