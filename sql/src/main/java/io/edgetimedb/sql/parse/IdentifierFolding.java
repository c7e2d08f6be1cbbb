package io.edgetimedb.sql.parse;

import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUnresolvedFunction;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Rewrites the unquoted identifiers of a parsed statement to stored names (see {@link
 * StoredNames}); quoted identifiers stay exactly as written. Calcite then resolves names
 * case-sensitively, so {@code SELECT Value FROM Boiler} and {@code SELECT "Value" FROM "Boiler"}
 * both reach the stored {@code Value} of {@code Boiler}, while {@code "value"} does not.
 */
final class IdentifierFolding extends SqlBasicVisitor<Void> {
  private final StoredNames stored;

  IdentifierFolding(StoredNames stored) {
    this.stored = stored;
  }

  static void apply(SqlNode node, StoredNames stored) {
    node.accept(new IdentifierFolding(stored));
  }

  @Override
  public Void visit(SqlIdentifier id) {
    fold(id, false);
    return null;
  }

  @Override
  public Void visit(SqlCall call) {
    if (call.getOperator() instanceof SqlUnresolvedFunction function && function.getSqlIdentifier() != null) {
      fold(function.getSqlIdentifier(), true);
    }
    return super.visit(call);
  }

  private void fold(SqlIdentifier id, boolean functionName) {
    List<String> names = new ArrayList<>(id.names);
    boolean changed = false;
    for (int i = 0; i < names.size(); i++) {
      if (names.get(i).isEmpty() || id.isComponentQuoted(i)) {
        continue;
      }
      String folded = functionName ? stored.function(names.get(i)) : stored.name(names.get(i));
      if (folded != null && !folded.equals(names.get(i))) {
        names.set(i, folded);
        changed = true;
      }
    }
    if (changed) {
      id.setNames(names, componentPositions(id));
    }
  }

  private static List<SqlParserPos> componentPositions(SqlIdentifier id) {
    List<SqlParserPos> positions = new ArrayList<>();
    for (int i = 0; i < id.names.size(); i++) {
      positions.add(id.getComponentParserPosition(i));
    }
    return positions;
  }
}
