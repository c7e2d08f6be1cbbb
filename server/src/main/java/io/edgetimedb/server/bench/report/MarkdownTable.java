package io.edgetimedb.server.bench.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A GitHub-flavoured markdown table: a header row, a row of alignments (the first column left,
 * the figures right), then the rows; a cell's {@code |} is escaped so it cannot split the row.
 * <pre>
 * | target | rate |
 * | --- | ---: |
 * | edgetimedb/tcp | 1,000,000 |
 * </pre>
 */
final class MarkdownTable {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  MarkdownTable(List<String> header) {
    this.header = List.copyOf(header);
  }

  void row(List<String> cells) {
    if (cells.size() != header.size()) {
      throw new IllegalArgumentException(cells.size() + " cells for " + header.size() + " columns: " + cells);
    }
    rows.add(List.copyOf(cells));
  }

  String render() {
    StringBuilder out = new StringBuilder();
    line(out, header);
    List<String> alignments = new ArrayList<>();
    for (int c = 0; c < header.size(); c++) {
      alignments.add(c == 0 ? "---" : "---:");
    }
    line(out, alignments);
    rows.forEach(row -> line(out, row));
    return out.toString();
  }

  private static void line(StringBuilder out, List<String> cells) {
    out.append('|');
    for (String cell : cells) {
      out.append(' ').append(cell.replace("|", "\\|")).append(" |");
    }
    out.append('\n');
  }
}
