package io.edgetimedb.sql;

import io.edgetimedb.engine.Database;
import io.edgetimedb.sql.access.Access;
import io.edgetimedb.sql.function.EdgeFunctions;
import io.edgetimedb.sql.system.SystemSchema;
import io.edgetimedb.sql.table.MeasurementsSchema;
import java.util.Set;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.SchemaPlus;

/** Puts a database into a Calcite root schema: {@code edge} (measurements), {@code sys} and the functions. */
public final class EdgeSchemas {
  /** Names of EdgeTimeDB's SQL functions, as registered. */
  public static final Set<String> FUNCTIONS = Set.of("time_bucket");

  private EdgeSchemas() {}

  /** The user of a connection that did not name one. */
  public static final String ANONYMOUS = "anonymous";

  /** Registers the schemas; caching is off so that each statement sees the schema as it is now. */
  public static void register(SchemaPlus root, Database db) {
    register(root, db, Access.admin(ANONYMOUS));
  }

  /** Registers the schemas of a connection whose user and role are {@code access}. */
  public static void register(SchemaPlus root, Database db, Access access) {
    root.add(MeasurementsSchema.NAME, new MeasurementsSchema(db, writeSource(access.user()))).setCacheEnabled(false);
    root.add(SystemSchema.NAME, new SystemSchema(db, access)).setCacheEnabled(false);
    EdgeFunctions.register(root);
  }

  /** The user of the connection whose root schema this is. */
  public static String user(SchemaPlus root) {
    return access(root).user();
  }

  /** The user and role of the connection whose root schema this is; an unregistered one is an anonymous admin. */
  public static Access access(SchemaPlus root) {
    SchemaPlus sys = root.subSchemas().get(SystemSchema.NAME);
    SystemSchema schema = sys == null ? null : sys.unwrap(SystemSchema.class);
    return schema == null ? Access.admin(ANONYMOUS) : schema.access();
  }

  /** What the connection's writes are recorded as in the schema history and {@code sys.sources}: {@code jdbc:<user>}. */
  public static String writeSource(SchemaPlus root) {
    return writeSource(user(root));
  }

  private static String writeSource(String user) {
    return "jdbc:" + user;
  }

  /** The database registered in a root schema, or null when there is none. */
  public static Database database(SchemaPlus root) {
    SchemaPlus edge = root.subSchemas().get(MeasurementsSchema.NAME);
    if (edge == null) {
      return null;
    }
    Schema schema = edge.unwrap(MeasurementsSchema.class);
    return schema == null ? null : ((MeasurementsSchema) schema).database();
  }
}
