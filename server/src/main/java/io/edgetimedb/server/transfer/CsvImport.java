package io.edgetimedb.server.transfer;

import io.edgetimedb.engine.lineprotocol.Precision;
import io.edgetimedb.engine.schema.FieldType;
import io.edgetimedb.engine.write.PointBatch;
import java.io.IOException;
import java.io.Reader;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.function.LongConsumer;
import java.util.function.Supplier;

/**
 * Imports CSV into one measurement. The header names the columns: {@code ts} (epoch timestamps
 * in the given precision, or ISO-8601 instants such as {@code 2024-05-01T12:00:00Z}), then tags
 * and fields. A column is a tag when its header says {@code name:tag} or it is listed in
 * {@code --tags}; every other column is a field, of the type its header declares
 * ({@code value:double}) or, undeclared, of the type each value looks like (true/false boolean,
 * whole number bigint, other number double, anything else varchar). Empty cells are absent tags
 * or fields. A bad row is reported with its line and column and skipped; the others are written.
 */
public final class CsvImport {
  private static final int BATCH_ROWS = 5_000;

  private final String measurement;
  private final Set<String> tags;
  private final Precision precision;
  private final PointSink sink;
  private final ImportReport report = new ImportReport();
  private final PointBatch batch = new PointBatch().source("import");
  private final List<Long> batchLines = new ArrayList<>();
  private List<CsvColumn> columns;
  private int tsColumn = -1;

  public CsvImport(String measurement, Set<String> tags, Precision precision, PointSink sink) {
    this.measurement = measurement;
    this.tags = tags;
    this.precision = precision;
    this.sink = sink;
  }

  /**
   * Reads every record; {@code flushed} is told the line reached after each batch (progress).
   *
   * @throws IOException when reading fails or the header is unusable (nothing is written then)
   */
  public ImportReport run(Reader in, LongConsumer flushed) throws IOException {
    CsvRecordReader records = new CsvRecordReader(in);
    header(records.next());
    for (List<String> cells = records.next(); cells != null; cells = records.next()) {
      row(cells, records.recordLine());
      if (batch.size() >= BATCH_ROWS) {
        flush();
        flushed.accept(records.recordLine());
      }
    }
    flush();
    return report;
  }

  private void header(List<String> cells) throws IOException {
    if (cells == null) {
      throw new IOException("the file is empty: expected a header row such as ts,site:tag,value:double");
    }
    columns = new ArrayList<>();
    for (String cell : cells) {
      CsvColumn column;
      try {
        column = CsvColumn.parse(cell, tags.contains(cell.strip()));
      } catch (IllegalArgumentException e) {
        throw new IOException("line 1: " + e.getMessage());
      }
      if (column.name().equals("ts")) {
        tsColumn = columns.size();
      }
      columns.add(column);
    }
    if (tsColumn < 0) {
      throw new IOException("line 1: no 'ts' column in the header " + cells);
    }
  }

  private void row(List<String> cells, long line) {
    if (cells.size() != columns.size()) {
      report.refused(new RowError(line, 0, cells.size() + " cells where the header has " + columns.size()));
      return;
    }
    int column = tsColumn;
    try {
      batch.point(measurement, timestamp(cells.get(tsColumn)));
      for (column = 0; column < cells.size(); column++) {
        if (column != tsColumn && !cells.get(column).isEmpty()) {
          cell(columns.get(column), cells.get(column));
        }
      }
      if (batch.fieldCount(batch.size() - 1) == 0) {
        throw new IllegalArgumentException("the row has no field values");
      }
      batchLines.add(line);
    } catch (IllegalArgumentException e) {
      if (batch.size() > batchLines.size()) {
        batch.dropLastPoint();
      }
      String where = "'" + columns.get(column).name() + "'";
      report.refused(new RowError(line, column + 1, where + ": " + e.getMessage()));
    }
  }

  /** An epoch number in the import's precision, or an ISO-8601 instant; not the engine's "no timestamp". */
  private long timestamp(String text) {
    long millis = parsedTimestamp(text);
    String reserved = PointBatch.reservedTimestampProblem(millis);
    if (reserved != null) {
      throw new IllegalArgumentException("'" + text + "' " + reserved);
    }
    return millis;
  }

  private long parsedTimestamp(String text) {
    try {
      return precision.toMillis(Long.parseLong(text));
    } catch (NumberFormatException notANumber) {
      try {
        return Instant.parse(text).toEpochMilli();
      } catch (DateTimeParseException notAnInstant) {
        throw new IllegalArgumentException("'" + text + "' is not a timestamp (epoch number or ISO-8601)");
      }
    }
  }

  private void cell(CsvColumn column, String text) {
    if (column.tag()) {
      batch.tag(column.name(), text);
      return;
    }
    FieldType type = column.type() != null ? column.type() : inferred(text);
    String name = column.name();
    switch (type) {
      case BOOLEAN -> batch.field(name, bool(text));
      case BIGINT -> batch.field(name, number(text, () -> Long.parseLong(text), "bigint"));
      case DOUBLE -> batch.field(name, number(text, () -> Double.parseDouble(text), "double"));
      case VARCHAR -> batch.field(name, text);
      case VARBINARY -> batch.field(name, Base64.getDecoder().decode(text));
    }
  }

  private static FieldType inferred(String text) {
    if (text.equals("true") || text.equals("false")) {
      return FieldType.BOOLEAN;
    }
    try {
      Long.parseLong(text);
      return FieldType.BIGINT;
    } catch (NumberFormatException notWhole) {
      try {
        Double.parseDouble(text);
        return FieldType.DOUBLE;
      } catch (NumberFormatException notNumber) {
        return FieldType.VARCHAR;
      }
    }
  }

  private static boolean bool(String text) {
    return switch (text) {
      case "true" -> true;
      case "false" -> false;
      default -> throw new IllegalArgumentException("'" + text + "' is not a boolean (true or false)");
    };
  }

  private static <T> T number(String text, Supplier<T> parse, String type) {
    try {
      return parse.get();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "' is not a " + type);
    }
  }

  private void flush() {
    if (batch.size() == 0) {
      return;
    }
    report.record(sink.write(batch), batch.size(), batchLines::get);
    batch.clear();
    batchLines.clear();
  }
}
