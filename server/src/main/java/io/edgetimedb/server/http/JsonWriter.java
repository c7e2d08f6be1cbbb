package io.edgetimedb.server.http;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Writes the small JSON documents the HTTP port answers with (errors, health). Commas are placed
 * by the writer, so callers only say what comes next; strings are escaped as RFC 8259 asks.
 */
final class JsonWriter {
  private final StringBuilder out = new StringBuilder(256);
  /** Per open object or array: whether a value was written in it yet (then a comma comes first). */
  private final Deque<Boolean> filled = new ArrayDeque<>();

  JsonWriter beginObject() {
    separate();
    out.append('{');
    filled.push(false);
    return this;
  }

  JsonWriter endObject() {
    filled.pop();
    out.append('}');
    return this;
  }

  JsonWriter beginArray(String name) {
    name(name);
    out.append('[');
    filled.push(false);
    return this;
  }

  JsonWriter endArray() {
    filled.pop();
    out.append(']');
    return this;
  }

  JsonWriter beginObject(String name) {
    name(name);
    out.append('{');
    filled.push(false);
    return this;
  }

  /** A string member; a null value is written as JSON null. */
  JsonWriter field(String name, String value) {
    name(name);
    if (value == null) {
      out.append("null");
    } else {
      string(value);
    }
    return this;
  }

  JsonWriter field(String name, long value) {
    name(name);
    out.append(value);
    return this;
  }

  JsonWriter field(String name, double value) {
    name(name);
    out.append(Double.isFinite(value) ? Double.toString(value) : "null");
    return this;
  }

  JsonWriter field(String name, boolean value) {
    name(name);
    out.append(value);
    return this;
  }

  private void name(String name) {
    separate();
    string(name);
    out.append(':');
  }

  /** Marks the current container as filled and writes the comma that a second value needs. */
  private void separate() {
    if (!filled.isEmpty()) {
      if (filled.pop()) {
        out.append(',');
      }
      filled.push(true);
    }
  }

  private void string(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x2028 || c == 0x2029) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
