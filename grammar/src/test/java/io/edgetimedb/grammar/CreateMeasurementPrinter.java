package io.edgetimedb.grammar;

import io.edgetimedb.grammar.ast.ColumnDef;
import io.edgetimedb.grammar.ast.ColumnKind;
import io.edgetimedb.grammar.ast.CreateMeasurement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Prints a {@link CreateMeasurement} as SQL in one of the many spellings the grammar accepts, for
 * round-trip properties. Every spelling must parse back to the same statement.
 */
final class CreateMeasurementPrinter {

    /**
     * The choices that change the text but not the statement.
     *
     * @param upperCase whether keywords and unquoted names are upper case
     * @param quoteAllNames whether names that could go unquoted are quoted anyway
     * @param synonymSeed picks among the names of each column type
     * @param timestampPosition where to declare the implicit ts column, if non-negative
     * @param separator what to put between tokens
     * @param semicolon whether to end with a semicolon
     */
    record Spelling(
            boolean upperCase,
            boolean quoteAllNames,
            int synonymSeed,
            int timestampPosition,
            String separator,
            boolean semicolon) {}

    private static final Map<ColumnKind, List<String>> TYPE_NAMES = Map.of(
            ColumnKind.TAG, List.of("TAG"),
            ColumnKind.DOUBLE, List.of("DOUBLE", "FLOAT"),
            ColumnKind.BIGINT, List.of("BIGINT", "INT", "INTEGER", "LONG"),
            ColumnKind.BOOLEAN, List.of("BOOLEAN", "BOOL"),
            ColumnKind.VARCHAR, List.of("VARCHAR", "STRING", "TEXT"),
            ColumnKind.VARBINARY, List.of("VARBINARY", "BYTES", "BLOB"));

    /** The keywords that cannot be names unless quoted. */
    static final Set<String> RESERVED_WORDS = Set.of(
            "create", "drop", "show", "with", "from", "where", "like", "in", "not", "and", "or",
            "if", "exists");

    private static final Pattern PLAIN_NAME = Pattern.compile("[a-z_][a-z0-9_]*");

    private CreateMeasurementPrinter() {}

    static String print(CreateMeasurement statement, Spelling spelling) {
        List<String> tokens = new ArrayList<>(List.of(keyword("CREATE MEASUREMENT", spelling)));
        if (statement.ifNotExists()) {
            tokens.add(keyword("IF NOT EXISTS", spelling));
        }
        tokens.add(name(statement.name(), spelling));
        tokens.add("(");
        tokens.add(String.join(", " + spelling.separator(), columnTexts(statement, spelling)));
        tokens.add(")");
        return String.join(spelling.separator(), tokens) + (spelling.semicolon() ? ";" : "");
    }

    private static List<String> columnTexts(CreateMeasurement statement, Spelling spelling) {
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < statement.columns().size(); i++) {
            columns.add(column(statement.columns().get(i), i, spelling));
        }
        if (spelling.timestampPosition() >= 0) {
            int position = spelling.timestampPosition() % (columns.size() + 1);
            columns.add(position, keyword("ts", spelling) + " " + keyword("TIMESTAMP", spelling));
        }
        return columns;
    }

    private static String column(ColumnDef column, int index, Spelling spelling) {
        List<String> typeNames = TYPE_NAMES.get(column.kind());
        int choice = Math.floorMod(spelling.synonymSeed() + index, typeNames.size());
        String typeName = typeNames.get(choice);
        return name(column.name(), spelling) + spelling.separator() + keyword(typeName, spelling);
    }

    private static String name(String name, Spelling spelling) {
        boolean canGoUnquoted =
                PLAIN_NAME.matcher(name).matches() && !RESERVED_WORDS.contains(name);
        if (canGoUnquoted && !spelling.quoteAllNames()) {
            // In the keywords' case: the parser folds unquoted names back to lower case.
            return keyword(name, spelling);
        }
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static String keyword(String word, Spelling spelling) {
        return spelling.upperCase() ? word.toUpperCase(Locale.ROOT) : word.toLowerCase(Locale.ROOT);
    }
}
