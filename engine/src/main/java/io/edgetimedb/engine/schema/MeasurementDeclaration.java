package io.edgetimedb.engine.schema;

import io.edgetimedb.engine.FieldInfo;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The checks on a declared measurement: the same name rules as writes, and no name twice. */
public final class MeasurementDeclaration {
  private MeasurementDeclaration() {}

  /** Why the declaration cannot be applied, or null when it can. */
  public static String problem(String measurement, List<String> tagKeys, List<FieldInfo> fields) {
    String problem = NameRules.problem("measurement", measurement);
    Set<String> seen = new HashSet<>();
    for (int i = 0; problem == null && i < tagKeys.size(); i++) {
      problem = column("tag key", tagKeys.get(i), seen);
    }
    for (int i = 0; problem == null && i < fields.size(); i++) {
      problem = column("field", fields.get(i).name(), seen);
    }
    return problem;
  }

  private static String column(String what, String name, Set<String> seen) {
    String problem = NameRules.columnProblem(what, name);
    if (problem == null && !seen.add(name)) {
      problem = "column '" + name + "' is declared twice";
    }
    return problem;
  }
}
