package io.edgetimedb.grammar;

import io.edgetimedb.grammar.EdgeStatementParser.AndConditionContext;
import io.edgetimedb.grammar.EdgeStatementParser.BigintKindContext;
import io.edgetimedb.grammar.EdgeStatementParser.BooleanKindContext;
import io.edgetimedb.grammar.EdgeStatementParser.ColumnDefinitionContext;
import io.edgetimedb.grammar.EdgeStatementParser.CreateMeasurementContext;
import io.edgetimedb.grammar.EdgeStatementParser.DoubleKindContext;
import io.edgetimedb.grammar.EdgeStatementParser.DropMeasurementContext;
import io.edgetimedb.grammar.EdgeStatementParser.EqualsConditionContext;
import io.edgetimedb.grammar.EdgeStatementParser.FromMeasurementContext;
import io.edgetimedb.grammar.EdgeStatementParser.IdentifierContext;
import io.edgetimedb.grammar.EdgeStatementParser.InConditionContext;
import io.edgetimedb.grammar.EdgeStatementParser.LikeConditionContext;
import io.edgetimedb.grammar.EdgeStatementParser.NotConditionContext;
import io.edgetimedb.grammar.EdgeStatementParser.NotEqualsConditionContext;
import io.edgetimedb.grammar.EdgeStatementParser.OrConditionContext;
import io.edgetimedb.grammar.EdgeStatementParser.ParenthesizedConditionContext;
import io.edgetimedb.grammar.EdgeStatementParser.QuotedSettingValueContext;
import io.edgetimedb.grammar.EdgeStatementParser.SetSettingContext;
import io.edgetimedb.grammar.EdgeStatementParser.SettingNameContext;
import io.edgetimedb.grammar.EdgeStatementParser.ShowConfigContext;
import io.edgetimedb.grammar.EdgeStatementParser.ShowFieldsContext;
import io.edgetimedb.grammar.EdgeStatementParser.ShowMeasurementsContext;
import io.edgetimedb.grammar.EdgeStatementParser.ShowSeriesContext;
import io.edgetimedb.grammar.EdgeStatementParser.ShowTagKeysContext;
import io.edgetimedb.grammar.EdgeStatementParser.ShowTagValuesContext;
import io.edgetimedb.grammar.EdgeStatementParser.SingleStatementContext;
import io.edgetimedb.grammar.EdgeStatementParser.TagKindContext;
import io.edgetimedb.grammar.EdgeStatementParser.VarbinaryKindContext;
import io.edgetimedb.grammar.EdgeStatementParser.VarcharKindContext;
import io.edgetimedb.grammar.ast.ColumnDef;
import io.edgetimedb.grammar.ast.ColumnKind;
import io.edgetimedb.grammar.ast.CreateMeasurement;
import io.edgetimedb.grammar.ast.DropMeasurement;
import io.edgetimedb.grammar.ast.EdgeStatement;
import io.edgetimedb.grammar.ast.SetSetting;
import io.edgetimedb.grammar.ast.ShowConfig;
import io.edgetimedb.grammar.ast.ShowFields;
import io.edgetimedb.grammar.ast.ShowMeasurements;
import io.edgetimedb.grammar.ast.ShowSeries;
import io.edgetimedb.grammar.ast.ShowTagKeys;
import io.edgetimedb.grammar.ast.ShowTagValues;
import io.edgetimedb.grammar.ast.TagCondition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;
import org.antlr.v4.runtime.tree.TerminalNode;

/**
 * Builds the AST records from a parse tree of EdgeStatement.g4. It normalises names and rejects
 * what parses but cannot be meant: duplicate columns and TIMESTAMP columns other than the
 * implicit {@code ts}.
 */
final class AstBuilder extends EdgeStatementBaseVisitor<EdgeStatement> {

    private static final String IMPLICIT_TIMESTAMP = "ts";

    private static final TagConditionBuilder TAG_CONDITIONS = new TagConditionBuilder();
    private static final ColumnKindBuilder COLUMN_KINDS = new ColumnKindBuilder();

    @Override
    public EdgeStatement visitSingleStatement(SingleStatementContext ctx) {
        return visit(ctx.statement());
    }

    @Override
    public EdgeStatement visitCreateMeasurement(CreateMeasurementContext ctx) {
        return new CreateMeasurement(
                name(ctx.identifier()), ctx.ifNotExists() != null, columns(ctx.columnDefinition()));
    }

    @Override
    public EdgeStatement visitDropMeasurement(DropMeasurementContext ctx) {
        return new DropMeasurement(name(ctx.identifier()), ctx.ifExists() != null);
    }

    @Override
    public EdgeStatement visitShowMeasurements(ShowMeasurementsContext ctx) {
        return new ShowMeasurements(Optional.ofNullable(ctx.pattern).map(AstBuilder::stringValue));
    }

    @Override
    public EdgeStatement visitShowSeries(ShowSeriesContext ctx) {
        return new ShowSeries(
                measurement(ctx.fromMeasurement()),
                Optional.ofNullable(ctx.tagCondition()).map(TAG_CONDITIONS::visit));
    }

    @Override
    public EdgeStatement visitShowTagKeys(ShowTagKeysContext ctx) {
        return new ShowTagKeys(measurement(ctx.fromMeasurement()));
    }

    @Override
    public EdgeStatement visitShowTagValues(ShowTagValuesContext ctx) {
        List<String> keys =
                ctx.tagKeySelection().identifier().stream().map(AstBuilder::name).toList();
        return new ShowTagValues(measurement(ctx.fromMeasurement()), keys);
    }

    @Override
    public EdgeStatement visitShowFields(ShowFieldsContext ctx) {
        return new ShowFields(measurement(ctx.fromMeasurement()));
    }

    @Override
    public EdgeStatement visitShowConfig(ShowConfigContext ctx) {
        return new ShowConfig(Optional.ofNullable(ctx.pattern).map(AstBuilder::stringValue));
    }

    @Override
    public EdgeStatement visitSetSetting(SetSettingContext ctx) {
        String value = ctx.settingValue() instanceof QuotedSettingValueContext quoted
                ? stringValue(quoted.STRING_LITERAL())
                : spannedText(ctx.settingValue());
        return new SetSetting(settingName(ctx.settingName()), value);
    }

    /** The name as written, so that {@code http.max-body-size} stays one name without blanks. */
    private static String settingName(SettingNameContext ctx) {
        String name = spannedText(ctx);
        if (name.chars().anyMatch(Character::isWhitespace)) {
            throw StatementSyntaxException.at(ctx.getStart(),
                    "setting name '" + name + "' cannot contain blanks");
        }
        return name.toLowerCase(Locale.ROOT);
    }

    /** The input text a rule matched, blanks and case kept. */
    private static String spannedText(ParserRuleContext ctx) {
        Interval span = Interval.of(ctx.getStart().getStartIndex(), ctx.getStop().getStopIndex());
        return ctx.getStart().getInputStream().getText(span);
    }

    private static Optional<String> measurement(FromMeasurementContext from) {
        return Optional.ofNullable(from).map(clause -> name(clause.identifier()));
    }

    private static List<ColumnDef> columns(List<ColumnDefinitionContext> definitions) {
        Set<String> seenNames = new HashSet<>();
        List<ColumnDef> columns = new ArrayList<>();
        for (ColumnDefinitionContext definition : definitions) {
            String name = name(definition.identifier());
            if (!seenNames.add(caseFolded(name))) {
                throw StatementSyntaxException.at(
                        definition.getStart(), "duplicate column '" + name + "'");
            }
            columnDef(definition, name).ifPresent(columns::add);
        }
        return columns;
    }

    /** The column declared by {@code definition}, or empty for a declared implicit timestamp. */
    private static Optional<ColumnDef> columnDef(ColumnDefinitionContext definition, String name) {
        boolean isImplicitTimestamp = caseFolded(name).equals(IMPLICIT_TIMESTAMP);
        boolean isTimestampType = definition.columnType().TIMESTAMP() != null;
        if (isImplicitTimestamp && isTimestampType) {
            // DDL written for other databases often lists the timestamp; it is always there anyway.
            return Optional.empty();
        }
        if (isTimestampType) {
            throw StatementSyntaxException.at(definition.getStart(), "column '" + name
                    + "' cannot be TIMESTAMP: the only timestamp is the implicit column 'ts'");
        }
        if (isImplicitTimestamp) {
            throw StatementSyntaxException.at(definition.getStart(),
                    "column '" + name + "' is the implicit timestamp and can only be TIMESTAMP");
        }
        ColumnKind kind = COLUMN_KINDS.visit(definition.columnType().columnKind());
        return Optional.of(new ColumnDef(name, kind));
    }

    // Column names are unique regardless of case, so "Temp" and temp are the same column.
    private static String caseFolded(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** An identifier as a name: lower-cased unless quoted, since SQL folds unquoted names. */
    private static String name(IdentifierContext identifier) {
        Token token = identifier.getStart();
        if (token.getType() != EdgeStatementLexer.QUOTED_IDENTIFIER) {
            return token.getText().toLowerCase(Locale.ROOT);
        }
        String name = unquoted(token.getText(), "\"");
        if (name.isEmpty()) {
            throw StatementSyntaxException.at(token, "a name cannot be empty");
        }
        return name;
    }

    private static String stringValue(TerminalNode literal) {
        return stringValue(literal.getSymbol());
    }

    private static String stringValue(Token literal) {
        return unquoted(literal.getText(), "'");
    }

    /** Strips the enclosing quotes and turns each doubled quote inside into a single one. */
    private static String unquoted(String quotedText, String quote) {
        return quotedText.substring(1, quotedText.length() - 1).replace(quote + quote, quote);
    }

    /** Builds tag conditions; the grammar's precedence has already shaped the tree. */
    private static final class TagConditionBuilder extends EdgeStatementBaseVisitor<TagCondition> {

        @Override
        public TagCondition visitParenthesizedCondition(ParenthesizedConditionContext ctx) {
            return visit(ctx.tagCondition());
        }

        @Override
        public TagCondition visitNotCondition(NotConditionContext ctx) {
            return new TagCondition.Not(visit(ctx.tagCondition()));
        }

        @Override
        public TagCondition visitAndCondition(AndConditionContext ctx) {
            return new TagCondition.And(visit(ctx.tagCondition(0)), visit(ctx.tagCondition(1)));
        }

        @Override
        public TagCondition visitOrCondition(OrConditionContext ctx) {
            return new TagCondition.Or(visit(ctx.tagCondition(0)), visit(ctx.tagCondition(1)));
        }

        @Override
        public TagCondition visitEqualsCondition(EqualsConditionContext ctx) {
            return new TagCondition.Equals(
                    name(ctx.identifier()), stringValue(ctx.STRING_LITERAL()));
        }

        @Override
        public TagCondition visitNotEqualsCondition(NotEqualsConditionContext ctx) {
            return new TagCondition.NotEquals(
                    name(ctx.identifier()), stringValue(ctx.STRING_LITERAL()));
        }

        @Override
        public TagCondition visitInCondition(InConditionContext ctx) {
            List<String> values =
                    ctx.STRING_LITERAL().stream().map(AstBuilder::stringValue).toList();
            return new TagCondition.In(name(ctx.identifier()), values, ctx.NOT() != null);
        }

        @Override
        public TagCondition visitLikeCondition(LikeConditionContext ctx) {
            return new TagCondition.Like(name(ctx.identifier()), stringValue(ctx.STRING_LITERAL()));
        }
    }

    /** Maps each alternative of the grammar's columnKind rule, synonyms included, to its kind. */
    private static final class ColumnKindBuilder extends EdgeStatementBaseVisitor<ColumnKind> {

        @Override
        public ColumnKind visitTagKind(TagKindContext ctx) {
            return ColumnKind.TAG;
        }

        @Override
        public ColumnKind visitDoubleKind(DoubleKindContext ctx) {
            return ColumnKind.DOUBLE;
        }

        @Override
        public ColumnKind visitBigintKind(BigintKindContext ctx) {
            return ColumnKind.BIGINT;
        }

        @Override
        public ColumnKind visitBooleanKind(BooleanKindContext ctx) {
            return ColumnKind.BOOLEAN;
        }

        @Override
        public ColumnKind visitVarcharKind(VarcharKindContext ctx) {
            return ColumnKind.VARCHAR;
        }

        @Override
        public ColumnKind visitVarbinaryKind(VarbinaryKindContext ctx) {
            return ColumnKind.VARBINARY;
        }
    }
}
