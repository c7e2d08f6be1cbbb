package io.edgetimedb.sql.ddl;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.FieldInfo;
import io.edgetimedb.engine.schema.FieldType;
import io.edgetimedb.grammar.ast.ColumnDef;
import io.edgetimedb.grammar.ast.ColumnKind;
import io.edgetimedb.grammar.ast.CreateMeasurement;
import io.edgetimedb.grammar.ast.DropMeasurement;
import io.edgetimedb.grammar.ast.EdgeStatement;
import java.util.ArrayList;
import java.util.List;

/** Executes the schema statements of the EdgeTimeDB grammar (CREATE and DROP MEASUREMENT). */
public final class SchemaStatements {
  private static final String SOURCE = "sql";

  private SchemaStatements() {}

  public static void execute(Database db, EdgeStatement statement) {
    if (statement instanceof CreateMeasurement create) {
      create(db, create);
    } else if (statement instanceof DropMeasurement drop) {
      drop(db, drop);
    } else {
      throw new IllegalArgumentException("not a schema statement: " + statement);
    }
  }

  private static void create(Database db, CreateMeasurement create) {
    List<String> tags = new ArrayList<>();
    List<FieldInfo> fields = new ArrayList<>();
    for (ColumnDef column : create.columns()) {
      if (column.kind() == ColumnKind.TAG) {
        tags.add(column.name());
      } else {
        fields.add(new FieldInfo(column.name(), FieldType.valueOf(column.kind().name())));
      }
    }
    boolean created = db.createMeasurement(create.name(), tags, fields, SOURCE);
    if (!created && !create.ifNotExists()) {
      throw new DuplicateNameException("measurement '" + create.name() + "' already exists");
    }
  }

  private static void drop(Database db, DropMeasurement drop) {
    String name = MeasurementNames.resolve(db, drop.name());
    if (!db.dropMeasurement(name, SOURCE) && !drop.ifExists()) {
      throw UnknownNameException.measurement(drop.name());
    }
  }
}
