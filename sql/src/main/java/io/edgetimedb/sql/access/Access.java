package io.edgetimedb.sql.access;

import io.edgetimedb.grammar.ast.CreateMeasurement;
import io.edgetimedb.grammar.ast.DropMeasurement;
import io.edgetimedb.grammar.ast.SetSetting;
import io.edgetimedb.sql.parse.EdgeStatementNode;
import java.util.Locale;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;

/**
 * A connection's user and role, and the role each parsed statement needs. Every statement a
 * connection prepares is checked here once parsed (by {@code EdgePrepare}, and by the driver's
 * direct INSERT path, which does not prepare), whichever way it came (Statement,
 * PreparedStatement, batch, remote), so one table decides.
 *
 * @param user the connection's user, named in refusals
 */
public record Access(String user, Role role) {
  /** An embedded connection that named no role. */
  public static Access admin(String user) {
    return new Access(user, Role.ADMIN);
  }

  /** The role a statement needs: queries read, INSERT and CREATE MEASUREMENT write, the rest is administration. */
  public static Role required(SqlNode statement) {
    if (statement instanceof EdgeStatementNode ours) {
      return ours.statement() instanceof CreateMeasurement ? Role.WRITE : Role.ADMIN;
    }
    SqlKind kind = statement.getKind();
    if (kind.belongsTo(SqlKind.QUERY) || kind == SqlKind.EXPLAIN || kind == SqlKind.DESCRIBE_TABLE
        || kind == SqlKind.DESCRIBE_SCHEMA) {
      return Role.READ;
    }
    return kind == SqlKind.INSERT ? Role.WRITE : Role.ADMIN;
  }

  /**
   * @throws AccessDeniedException when the role does not permit the statement, naming the user,
   *     the statement kind and the role it needs
   */
  public void check(SqlNode statement) {
    Role needed = required(statement);
    if (!role.permits(needed)) {
      throw new AccessDeniedException("permission denied: user '" + user + "' has role " + role.label() + ", "
          + kindOf(statement) + " needs role " + needed.label());
    }
  }

  private static String kindOf(SqlNode statement) {
    if (statement instanceof EdgeStatementNode ours) {
      return ours.statement() instanceof CreateMeasurement ? "CREATE MEASUREMENT"
          : ours.statement() instanceof DropMeasurement ? "DROP MEASUREMENT"
          : ours.statement() instanceof SetSetting ? "SET" : ours.statement().getClass().getSimpleName();
    }
    return statement.getKind().sql.replace('_', ' ').toUpperCase(Locale.ROOT);
  }
}
