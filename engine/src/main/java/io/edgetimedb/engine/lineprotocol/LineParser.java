package io.edgetimedb.engine.lineprotocol;

import io.edgetimedb.engine.schema.FieldType;
import io.edgetimedb.engine.write.PointBatch;
import java.nio.charset.StandardCharsets;

/**
 * Parses one line of line protocol into a {@link PendingPoint}, or throws a {@link LineFault}
 * naming where and what went wrong. The line has been cut from the buffer by
 * {@link LineProtocolParser}, without its line end and surrounding blanks; the grammar is
 * drawn there. Names are scanned once, computing their byte hash on the way, and looked up in
 * per-kind {@link KnownNames} tables, so a repeated name is neither copied nor decoded.
 */
final class LineParser {
  /** Longest token text quoted in a message. */
  private static final int MAX_QUOTED = 64;

  private final KnownNames measurements = new KnownNames(TextKind.MEASUREMENT, 1024);
  private final KnownNames tagKeys = new KnownNames(TextKind.TAG_KEY, 1024);
  private final KnownNames tagValues = new KnownNames(TextKind.TAG_VALUE, 8192);
  private final KnownNames fieldKeys = new KnownNames(TextKind.FIELD, 1024);
  private final KnownNames strings = new KnownNames(TextKind.STRING_VALUE, 1024);
  private final IntegerParser integers = new IntegerParser();
  private final PendingPoint point;
  /** Byte hash of the token the last {@link #scanName} passed over. */
  private int hash;

  LineParser(PendingPoint point) {
    this.point = point;
  }

  void parse(byte[] buf, int from, int to, Precision precision, long defaultTimestampMillis) {
    int p = measurement(buf, from, to);
    while (p < to && buf[p] == ',') {
      p = tag(buf, p + 1, to);
    }
    if (p == to) {
      throw new LineFault(p, "missing fields");
    }
    p = field(buf, skipSpaces(buf, p, to), to);
    while (p < to && buf[p] == ',') {
      p = field(buf, p + 1, to);
    }
    point.timestamp(p == to ? defaultTimestampMillis : timestamp(buf, skipSpaces(buf, p, to), to, precision));
  }

  private int measurement(byte[] buf, int from, int to) {
    int end = scanName(buf, from, to, false);
    if (end == from) {
      throw new LineFault(from, "missing measurement");
    }
    point.start(measurements.name(buf, from, end, hash));
    return end;
  }

  private int tag(byte[] buf, int from, int to) {
    int keyEnd = scanName(buf, from, to, true);
    if (keyEnd == from) {
      throw new LineFault(from, "missing tag key");
    }
    if (keyEnd == to || buf[keyEnd] != '=') {
      throw new LineFault(keyEnd, "missing '=' after tag key " + quote(buf, from, keyEnd));
    }
    String key = tagKeys.name(buf, from, keyEnd, hash);
    int valueStart = keyEnd + 1;
    int valueEnd = scanName(buf, valueStart, to, false);
    if (valueEnd == valueStart) {
      throw new LineFault(valueStart, "missing value for tag '" + key + "'");
    }
    if (!point.tag(key, tagValues.name(buf, valueStart, valueEnd, hash))) {
      throw new LineFault(from, "duplicate tag key '" + key + "'");
    }
    return valueEnd;
  }

  private int field(byte[] buf, int from, int to) {
    int keyEnd = scanName(buf, from, to, true);
    if (keyEnd == from) {
      throw new LineFault(from, "missing field key");
    }
    if (keyEnd == to || buf[keyEnd] != '=') {
      throw new LineFault(keyEnd, "missing '=' after field key " + quote(buf, from, keyEnd));
    }
    String name = fieldKeys.name(buf, from, keyEnd, hash);
    int valueStart = keyEnd + 1;
    if (valueStart < to && buf[valueStart] == '"') {
      return stringValue(buf, valueStart, to, name);
    }
    int valueEnd = valueStart;
    while (valueEnd < to && buf[valueEnd] != ',' && buf[valueEnd] != ' ') {
      valueEnd++;
    }
    if (valueEnd == valueStart) {
      throw new LineFault(valueStart, "missing value for field '" + name + "'");
    }
    value(buf, valueStart, valueEnd, name);
    return valueEnd;
  }

  /** A quoted string from the opening quote at {@code from}; returns where the field ends. */
  private int stringValue(byte[] buf, int from, int to, String name) {
    int h = 0;
    int p = from + 1;
    while (p < to && buf[p] != '"') {
      if (buf[p] == '\\' && p + 1 < to) {
        h = 31 * h + '\\';
        p++;
      }
      h = 31 * h + buf[p++];
    }
    if (p >= to) {
      throw new LineFault(from, "unterminated string for field '" + name + "'");
    }
    point.field(name, FieldType.VARCHAR, 0, strings.name(buf, from + 1, p, h));
    p++;
    if (p < to && buf[p] != ',' && buf[p] != ' ') {
      throw new LineFault(p, "unexpected text after the string of field '" + name + "'");
    }
    return p;
  }

  /**
   * An unquoted value: a boolean when it starts with t/f, an integer with an {@code i} suffix,
   * unsigned with {@code u}, else a float (so a bare {@code 1} is a float, as in InfluxDB).
   */
  private void value(byte[] buf, int from, int to, String name) {
    byte first = buf[from];
    byte last = buf[to - 1];
    if (first == 't' || first == 'T' || first == 'f' || first == 'F') {
      booleanValue(buf, from, to, name);
    } else if (last == 'i' || last == 'u') {
      integerValue(buf, from, to, name, last == 'u');
    } else {
      floatValue(buf, from, to, name);
    }
  }

  private void booleanValue(byte[] buf, int from, int to, String name) {
    int b = BooleanSpelling.of(buf, from, to);
    if (b < 0) {
      throw new LineFault(from, "invalid boolean " + quote(buf, from, to) + " for field '" + name + "'");
    }
    point.field(name, FieldType.BOOLEAN, b, null);
  }

  private void integerValue(byte[] buf, int from, int to, String name, boolean unsigned) {
    String kind = unsigned ? "unsigned integer " : "integer ";
    int status = integers.parse(buf, from, to - 1);
    if (status == IntegerParser.INVALID) {
      throw new LineFault(from, "invalid " + kind + quote(buf, from, to) + " for field '" + name + "'");
    }
    if (status == IntegerParser.OUT_OF_RANGE || (unsigned && buf[from] == '-')) {
      throw new LineFault(from, kind + quote(buf, from, to) + " out of range ("
          + (unsigned ? "0" : Long.MIN_VALUE) + " to " + Long.MAX_VALUE + ") for field '" + name + "'");
    }
    point.field(name, FieldType.BIGINT, integers.value(), null);
  }

  private void floatValue(byte[] buf, int from, int to, String name) {
    double value = FloatParser.parse(buf, from, to);
    if (Double.isNaN(value)) {
      throw new LineFault(from, "invalid float " + quote(buf, from, to) + " for field '" + name + "'");
    }
    if (Double.isInfinite(value)) {
      throw new LineFault(from, "float " + quote(buf, from, to) + " out of range for field '" + name + "'");
    }
    point.field(name, FieldType.DOUBLE, Double.doubleToRawLongBits(value), null);
  }

  private long timestamp(byte[] buf, int from, int to, Precision precision) {
    int end = from;
    while (end < to && buf[end] != ' ') {
      end++;
    }
    if (end < to) {
      int extra = skipSpaces(buf, end, to);
      throw new LineFault(extra, "unexpected text after the timestamp: " + quote(buf, extra, to));
    }
    int status = integers.parse(buf, from, end);
    if (status == IntegerParser.INVALID) {
      throw new LineFault(from, "invalid timestamp " + quote(buf, from, end));
    }
    try {
      if (status == IntegerParser.OK) {
        long millis = precision.toMillis(integers.value());
        String reserved = PointBatch.reservedTimestampProblem(millis);
        if (reserved != null) {
          throw new LineFault(from, "timestamp " + quote(buf, from, end) + " " + reserved);
        }
        return millis;
      }
    } catch (ArithmeticException tooLarge) {
      // seconds beyond ±292 million years do not fit as milliseconds: reported below
    }
    throw new LineFault(from, "timestamp " + quote(buf, from, end) + " out of range for precision "
        + precision.name().toLowerCase());
  }

  /**
   * Passes over a name up to an unescaped comma or space (or equals sign when
   * {@code stopAtEquals}), hashing its bytes as written into {@link #hash}. A backslash takes
   * the next byte with it, so an escaped delimiter does not end the name.
   */
  private int scanName(byte[] buf, int from, int to, boolean stopAtEquals) {
    int h = 0;
    int p = from;
    while (p < to) {
      byte c = buf[p];
      if (c == ',' || c == ' ' || (c == '=' && stopAtEquals)) {
        break;
      }
      if (c == '\\' && p + 1 < to) {
        h = 31 * h + c;
        c = buf[++p];
      }
      h = 31 * h + c;
      p++;
    }
    hash = h;
    return p;
  }

  private static int skipSpaces(byte[] buf, int p, int to) {
    while (p < to && buf[p] == ' ') {
      p++;
    }
    return p;
  }

  /** Token text for a message, quoted and cut to {@value #MAX_QUOTED} characters. */
  static String quote(byte[] buf, int from, int to) {
    String text = new String(buf, from, Math.min(to - from, 4 * MAX_QUOTED), StandardCharsets.UTF_8);
    return "'" + (text.length() > MAX_QUOTED ? text.substring(0, MAX_QUOTED) + "..." : text) + "'";
  }
}
