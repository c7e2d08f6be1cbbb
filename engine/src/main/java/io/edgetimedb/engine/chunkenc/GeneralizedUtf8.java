package io.edgetimedb.engine.chunkenc;

/**
 * Text as generalized UTF-8 (WTF-8): plain UTF-8 for every well-formed string, plus the
 * three-byte form for a surrogate char that is not half of a pair. Any Java string therefore
 * round-trips exactly, where the JDK's UTF-8 codec would turn a lone surrogate into '?'.
 *
 * <pre>
 *  chars                                   bytes
 *  U+0000..U+007F                          0xxxxxxx
 *  U+0080..U+07FF                          110xxxxx 10xxxxxx
 *  U+0800..U+FFFF, lone surrogates too     1110xxxx 10xxxxxx 10xxxxxx
 *  surrogate pair for U+10000..U+10FFFF    11110xxx 10xxxxxx 10xxxxxx 10xxxxxx
 * </pre>
 */
final class GeneralizedUtf8 {
  private GeneralizedUtf8() {}

  static int encodedLength(String s) {
    int bytes = 0;
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (isPairAt(s, i)) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }

  static void write(String s, ByteSink out) {
    for (int i = 0, n = s.length(); i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        out.writeByte(c);
      } else if (c < 0x800) {
        out.writeByte(0xC0 | c >>> 6);
        out.writeByte(0x80 | c & 0x3F);
      } else if (isPairAt(s, i)) {
        int cp = Character.toCodePoint(c, s.charAt(++i));
        out.writeByte(0xF0 | cp >>> 18);
        out.writeByte(0x80 | cp >>> 12 & 0x3F);
        out.writeByte(0x80 | cp >>> 6 & 0x3F);
        out.writeByte(0x80 | cp & 0x3F);
      } else {
        out.writeByte(0xE0 | c >>> 12);
        out.writeByte(0x80 | c >>> 6 & 0x3F);
        out.writeByte(0x80 | c & 0x3F);
      }
    }
  }

  private static boolean isPairAt(String s, int i) {
    return Character.isHighSurrogate(s.charAt(i))
        && i + 1 < s.length()
        && Character.isLowSurrogate(s.charAt(i + 1));
  }

  /** Decodes {@code len} bytes; {@code chars} needs room for {@code len} chars. */
  static String read(byte[] buf, int off, int len, char[] chars) {
    int end = off + len;
    int n = 0;
    int i = off;
    while (i < end) {
      int b = buf[i] & 0xFF;
      if (b < 0x80) {
        chars[n++] = (char) b;
        i++;
      } else if (b >= 0xC0 && b < 0xE0) {
        chars[n++] = (char) ((b & 0x1F) << 6 | continuation(buf, i + 1, end));
        i += 2;
      } else if (b >= 0xE0 && b < 0xF0) {
        chars[n++] =
            (char) ((b & 0x0F) << 12
                | continuation(buf, i + 1, end) << 6
                | continuation(buf, i + 2, end));
        i += 3;
      } else {
        int cp = fourByteCodePoint(buf, i, end);
        chars[n++] = Character.highSurrogate(cp);
        chars[n++] = Character.lowSurrogate(cp);
        i += 4;
      }
    }
    return new String(chars, 0, n);
  }

  private static int fourByteCodePoint(byte[] buf, int i, int end) {
    int b = buf[i] & 0xFF;
    if (b < 0xF0 || b >= 0xF8) {
      throw new CorruptChunkException("invalid UTF-8 lead byte at offset " + i);
    }
    int cp =
        (b & 0x07) << 18
            | continuation(buf, i + 1, end) << 12
            | continuation(buf, i + 2, end) << 6
            | continuation(buf, i + 3, end);
    if (cp < Character.MIN_SUPPLEMENTARY_CODE_POINT || cp > Character.MAX_CODE_POINT) {
      throw new CorruptChunkException("invalid UTF-8 code point at offset " + i);
    }
    return cp;
  }

  private static int continuation(byte[] buf, int i, int end) {
    if (i >= end || (buf[i] & 0xC0) != 0x80) {
      throw new CorruptChunkException("invalid UTF-8 continuation at offset " + i);
    }
    return buf[i] & 0x3F;
  }
}
