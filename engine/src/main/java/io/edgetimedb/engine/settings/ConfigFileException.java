package io.edgetimedb.engine.settings;

import java.util.List;

/** A configuration file has bad lines; the message has one line per problem, each with file and line. */
public final class ConfigFileException extends IllegalArgumentException {
  private final List<String> problems;

  private ConfigFileException(List<String> problems) {
    super(String.join(System.lineSeparator(), problems));
    this.problems = List.copyOf(problems);
  }

  static void throwIfAny(List<String> problems) {
    if (!problems.isEmpty()) {
      throw new ConfigFileException(problems);
    }
  }

  /** Each problem, as {@code <file>:<line>: <what is wrong>}. */
  public List<String> problems() {
    return problems;
  }
}
