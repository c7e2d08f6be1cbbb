package io.edgetimedb.jdbc;

import java.sql.Connection;
import org.apache.calcite.avatica.AvaticaConnection;
import org.apache.calcite.avatica.InternalProperty;
import org.apache.calcite.avatica.util.Casing;

/**
 * What a connection's DatabaseMetaData says about names: stored as written, matched without
 * regard to case when unquoted ({@code storesMixedCaseIdentifiers} true). Avatica answers from
 * properties that default to "stored in upper case", so clients such as sqlline upper-cased a
 * table name before looking it up and found nothing.
 */
public final class IdentifierCase {
  private IdentifierCase() {}

  /** Sets the answers on an embedded or remote Avatica connection; other connections are left alone. */
  public static Connection describe(Connection connection) {
    if (connection instanceof AvaticaConnection avatica) {
      avatica.properties.put(InternalProperty.UNQUOTED_CASING, Casing.UNCHANGED);
      avatica.properties.put(InternalProperty.CASE_SENSITIVE, false);
    }
    return connection;
  }
}
