package io.edgetimedb.grammar;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.Vocabulary;
import org.antlr.v4.runtime.atn.ATN;
import org.antlr.v4.runtime.misc.IntervalSet;

/**
 * How syntax error messages name tokens: keywords as written in SQL ({@code TAG}), punctuation in
 * quotes ({@code ')'}), and anything else by what it is ({@code string literal}).
 */
final class TokenNames {

    private static final Vocabulary VOCABULARY = EdgeStatementParser.VOCABULARY;

    /*
     * Every token that can stand for a name: IDENTIFIER, QUOTED_IDENTIFIER and the non-reserved
     * keywords. Where all of them are expected, a message says "identifier" rather than listing
     * two dozen keywords that are merely allowed as names.
     */
    private static final IntervalSet NAME_TOKENS =
            firstTokensOf(EdgeStatementParser.RULE_identifier);

    private static final Set<Integer> UNTERMINATED_TOKENS = Set.of(
            EdgeStatementLexer.UNTERMINATED_QUOTED_IDENTIFIER,
            EdgeStatementLexer.UNTERMINATED_STRING_LITERAL,
            EdgeStatementLexer.UNTERMINATED_COMMENT);

    private TokenNames() {}

    /** What went wrong at {@code found}, such as {@code unexpected 'FOO', expected ')'}. */
    static String describeError(Token found, IntervalSet expected) {
        if (UNTERMINATED_TOKENS.contains(found.getType())) {
            // The rest of the input went into the token, so expected tokens would mislead.
            return name(found.getType());
        }
        return "unexpected " + describeFound(found) + ", expected " + describeExpected(expected);
    }

    private static String describeFound(Token found) {
        return switch (found.getType()) {
            case Token.EOF -> name(Token.EOF);
            // Already in quotes; quoting it again would read as an identifier.
            case EdgeStatementLexer.STRING_LITERAL -> name(found.getType()) + " " + found.getText();
            default -> "'" + found.getText() + "'";
        };
    }

    private static String describeExpected(IntervalSet expected) {
        List<String> names = withNameTokensCollapsed(expected).toList().stream()
                // The end of input reads best after the tokens that could continue the statement.
                .sorted(Comparator.comparing(type -> type == Token.EOF))
                .map(TokenNames::name)
                .toList();
        return names.size() == 1 ? names.get(0) : "one of: " + String.join(", ", names);
    }

    private static IntervalSet withNameTokensCollapsed(IntervalSet expected) {
        if (!NAME_TOKENS.subtract(expected).isNil()) {
            return expected;
        }
        IntervalSet collapsed = expected.subtract(NAME_TOKENS);
        collapsed.add(EdgeStatementLexer.IDENTIFIER);
        return collapsed;
    }

    private static String name(int tokenType) {
        if (tokenType == Token.EOF) {
            return "end of input";
        }
        String symbolic = VOCABULARY.getSymbolicName(tokenType);
        String literal = VOCABULARY.getLiteralName(tokenType);
        if (literal == null) {
            // IDENTIFIER, STRING_LITERAL and the like: "identifier", "string literal".
            return symbolic.toLowerCase(Locale.ROOT).replace('_', ' ');
        }
        boolean isKeyword = literal.equals("'" + symbolic + "'");
        return isKeyword ? symbolic : literal;
    }

    private static IntervalSet firstTokensOf(int rule) {
        ATN atn = EdgeStatementParser._ATN;
        return atn.nextTokens(atn.ruleToStartState[rule]);
    }
}
