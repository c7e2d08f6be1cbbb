package io.edgetimedb.server.http;

import java.util.List;

/**
 * What a write request did: lines seen (those holding a point or trying to), points written, and
 * the bad lines (listed up to the cap, all counted).
 */
record IngestReport(long lines, long pointsWritten, List<BadLine> badLines, long badLineCount) {
  boolean allWritten() {
    return badLineCount == 0;
  }

  /** The 400 answer: InfluxDB's {@code code} and {@code message}, plus every bad line's position. */
  String json() {
    JsonWriter json = new JsonWriter().beginObject()
        .field("code", "invalid")
        .field("message", message())
        .field("lines", lines)
        .field("pointsWritten", pointsWritten)
        .field("errorCount", badLineCount)
        .field("errorsOmitted", badLineCount - badLines.size())
        .beginArray("errors");
    for (BadLine bad : badLines) {
      json.beginObject().field("line", bad.line());
      if (bad.column() > 0) {
        json.field("column", bad.column());
      }
      json.field("message", bad.message()).endObject();
    }
    return json.endArray().endObject().toString();
  }

  private String message() {
    String summary = badLineCount + " of " + lines + " lines were not written; the other lines were (" + pointsWritten
        + " points)";
    return badLines.isEmpty() ? summary
        : summary + "; first: line " + badLines.get(0).line() + ": " + badLines.get(0).message();
  }
}
