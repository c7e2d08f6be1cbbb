package io.edgetimedb.bench.chaos;

import java.util.List;

/**
 * What an attack saw, for the report, and what of it issue 12 forbids: a 500 or no answer where
 * a named refusal belongs, another client's connection evicted, a good sender locked out, a query
 * running past its timeout. The chaos test fails on any of the latter.
 *
 * @param text one line: what the server answered and how often
 * @param broken each forbidden thing seen, in words; empty when the server behaved
 */
record Outcome(String text, List<String> broken) {
  static Outcome of(String text, List<String> broken) {
    return new Outcome(text, List.copyOf(broken));
  }

  @Override
  public String toString() {
    return broken.isEmpty() ? text : text + " -- BROKEN: " + String.join("; ", broken);
  }
}
