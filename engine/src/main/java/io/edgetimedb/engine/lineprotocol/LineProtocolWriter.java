package io.edgetimedb.engine.lineprotocol;

import io.edgetimedb.engine.schema.FieldType;
import io.edgetimedb.engine.write.PointBatch;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Points of a {@link PointBatch} as InfluxDB line protocol, the format {@link LineProtocolParser}
 * reads back: one UTF-8 line per point, ending in LF.
 *
 * <pre>
 *   line        = measurement { "," key "=" key } " " field { "," field } " " timestamp "\n"
 *   measurement = the name with "," " " "\" escaped by a "\"
 *   key         = the name (tag key, tag value, field name) with "," "=" " " "\" escaped by a "\"
 *   field       = key "=" value
 *   value       = DOUBLE    Java's shortest round-trip decimal: 21.53, -0.0, 1.0E-7
 *               | BIGINT    digits and "i": 42i
 *               | BOOLEAN   true | false
 *               | VARCHAR   '"' text with '"' and "\" escaped by a "\" '"'
 *               | VARBINARY '"' Base64 of the bytes '"' (line protocol has no bytes; reads back as VARCHAR)
 *   timestamp   = epoch milliseconds converted to the writer's {@link Precision} (seconds floored)
 * </pre>
 *
 * Example, nanoseconds: {@code temperature,site=site-0,line=line-0,sensor=s00000 value=21.53 1700000000000000000}.
 * Tags and fields keep the batch's order. What line protocol cannot spell is refused with an
 * {@link IllegalArgumentException} instead of being written in a way that reads back as
 * something else: NaN and infinite doubles, and a line feed in any name or string (the parser
 * ends a line at every LF, even inside quotes). Not thread-safe: one writer per sending thread,
 * it reuses one byte buffer per line.
 */
public final class LineProtocolWriter {
  private static final boolean[] MEASUREMENT_SPECIALS = asciiSet(", \\");
  private static final boolean[] KEY_SPECIALS = asciiSet(",= \\");
  private static final boolean[] STRING_SPECIALS = asciiSet("\"\\");

  private final Precision precision;
  /** The line being written, bytes [0, length); a plain array, since the writer is one thread's. */
  private byte[] line = new byte[128];
  private int length;

  public LineProtocolWriter(Precision precision) {
    this.precision = precision;
  }

  public Precision precision() {
    return precision;
  }

  /** Every point of the batch, one line each. */
  public byte[] write(PointBatch batch) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(batch.size() * 96);
    for (int p = 0; p < batch.size(); p++) {
      write(batch, p, out);
    }
    return out.toByteArray();
  }

  /**
   * Appends one point of the batch as a line (with its LF) to {@code out}; returns the line's
   * length in bytes. A point that cannot be written appends nothing.
   */
  public int write(PointBatch batch, int point, ByteArrayOutputStream out) {
    length = 0;
    text(batch.measurement(point), MEASUREMENT_SPECIALS);
    for (int t = batch.tagStart(point); t < batch.tagStart(point) + batch.tagCount(point); t++) {
      put(',');
      text(batch.tagKeys()[t], KEY_SPECIALS);
      put('=');
      text(batch.tagValues()[t], KEY_SPECIALS);
    }
    for (int f = batch.fieldStart(point); f < batch.fieldStart(point) + batch.fieldCount(point); f++) {
      put(f == batch.fieldStart(point) ? ' ' : ',');
      text(batch.fieldName(f), KEY_SPECIALS);
      put('=');
      value(batch, f);
    }
    put(' ');
    ascii(Long.toString(precision.fromMillis(batch.timestamp(point))));
    put('\n');
    out.write(line, 0, length);
    return length;
  }

  private static boolean[] asciiSet(String chars) {
    boolean[] set = new boolean[0x80];
    chars.chars().forEach(c -> set[c] = true);
    return set;
  }

  private void put(int b) {
    if (length == line.length) {
      line = Arrays.copyOf(line, 2 * length);
    }
    line[length++] = (byte) b;
  }

  private void put(byte[] bytes) {
    if (length + bytes.length > line.length) {
      line = Arrays.copyOf(line, Math.max(2 * line.length, length + bytes.length));
    }
    System.arraycopy(bytes, 0, line, length, bytes.length);
    length += bytes.length;
  }

  private void value(PointBatch batch, int f) {
    FieldType type = batch.fieldType(f);
    switch (type) {
      case DOUBLE -> {
        double d = Double.longBitsToDouble(batch.fieldBits(f));
        if (Double.isNaN(d) || Double.isInfinite(d)) {
          throw new IllegalArgumentException("field '" + batch.fieldName(f) + "' is " + d
              + ", which line protocol cannot represent");
        }
        ascii(Double.toString(d));
      }
      case BIGINT -> {
        ascii(Long.toString(batch.fieldBits(f)));
        put('i');
      }
      case BOOLEAN -> ascii(batch.fieldBits(f) != 0 ? "true" : "false");
      case VARCHAR -> quoted((String) batch.fieldRef(f));
      case VARBINARY -> quoted(Base64.getEncoder().encodeToString((byte[]) batch.fieldRef(f)));
    }
  }

  private void quoted(String s) {
    put('"');
    text(s, STRING_SPECIALS);
    put('"');
  }

  /** A name or string, escaping the given characters; non-ASCII text is written as UTF-8. */
  private void text(String s, boolean[] specials) {
    if (s.indexOf('\n') >= 0) {
      throw new IllegalArgumentException("'" + s.replace("\n", "\\n") + "' holds a line feed, which ends a line"
          + " of line protocol wherever it stands");
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x80) {
        // rare: encode the rest of the string in one go rather than char by char (surrogate pairs)
        utf8(s.substring(i), specials);
        return;
      }
      if (specials[c]) {
        put('\\');
      }
      put(c);
    }
  }

  private void utf8(String rest, boolean[] specials) {
    StringBuilder escaped = new StringBuilder(rest.length() + 8);
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (c < 0x80 && specials[c]) {
        escaped.append('\\');
      }
      escaped.append(c);
    }
    put(escaped.toString().getBytes(StandardCharsets.UTF_8));
  }

  private void ascii(String s) {
    for (int i = 0; i < s.length(); i++) {
      put(s.charAt(i));
    }
  }
}
