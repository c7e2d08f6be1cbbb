package io.edgetimedb.engine.chunkenc;

import java.util.Arrays;
import java.util.HashMap;

/**
 * Strings as a dictionary of the distinct values in order of first appearance, then runs of
 * dictionary ids. Strings are stored as {@link GeneralizedUtf8} so that even lone surrogates
 * round-trip; equal strings of one chunk decode to one shared instance.
 *
 * <pre>
 *  count 0: (nothing)
 *  count 1 or more:
 *  +----------+-------------------------------+------------------------------------------+
 *  | varint D | D entries: varint byte        | runs until their lengths sum to count:   |
 *  | distinct | length, GeneralizedUtf8 bytes | varint id (0..D-1), varint length (1+)   |
 *  +----------+-------------------------------+------------------------------------------+
 * </pre>
 *
 * Not thread-safe: holds the dictionary and scratch arrays.
 */
public final class DictionaryStringCodec {
  private final HashMap<String, Integer> idsByString = new HashMap<>();
  private String[] dictionary = new String[0];
  private int[] valueIds = new int[0];
  private char[] chars = new char[0];

  public void encode(String[] values, int count, ByteSink out) {
    if (count == 0) {
      return;
    }
    if (valueIds.length < count) {
      valueIds = new int[count];
    }
    if (dictionary.length < count) {
      dictionary = new String[count];
    }
    int distinct = assignIds(values, count);
    out.writeVarLong(distinct);
    for (int d = 0; d < distinct; d++) {
      out.writeVarLong(GeneralizedUtf8.encodedLength(dictionary[d]));
      GeneralizedUtf8.write(dictionary[d], out);
    }
    writeRuns(count, out);
    // drop references so the codec does not pin the last chunk's strings
    idsByString.clear();
    Arrays.fill(dictionary, 0, distinct, null);
  }

  private int assignIds(String[] values, int count) {
    int distinct = 0;
    for (int i = 0; i < count; i++) {
      String s = values[i];
      if (i > 0 && s.equals(values[i - 1])) {
        valueIds[i] = valueIds[i - 1];
        continue;
      }
      Integer id = idsByString.get(s);
      if (id == null) {
        id = distinct;
        idsByString.put(s, id);
        dictionary[distinct++] = s;
      }
      valueIds[i] = id;
    }
    return distinct;
  }

  private void writeRuns(int count, ByteSink out) {
    int runStart = 0;
    for (int i = 1; i <= count; i++) {
      if (i == count || valueIds[i] != valueIds[runStart]) {
        out.writeVarLong(valueIds[runStart]);
        out.writeVarLong(i - runStart);
        runStart = i;
      }
    }
  }

  public void decode(ByteSource in, String[] dst, int count) {
    if (count == 0) {
      return;
    }
    try {
      int distinct = readDictionary(in, count);
      readRuns(in, dst, count, distinct);
    } catch (CorruptChunkException e) {
      throw CorruptChunkException.inCodec("DictionaryStringCodec", e);
    } finally {
      Arrays.fill(dictionary, 0, Math.min(count, dictionary.length), null);
    }
  }

  private int readDictionary(ByteSource in, int count) {
    int offset = in.position();
    int distinct = in.readVarIntAtMost(count, "dictionary size");
    if (distinct == 0) {
      throw new CorruptChunkException("empty dictionary at offset " + offset);
    }
    if (dictionary.length < distinct) {
      dictionary = new String[distinct];
    }
    for (int d = 0; d < distinct; d++) {
      int length = in.readVarIntAtMost(in.remaining(), "string length");
      int start = in.position();
      in.skip(length); // bounds-checks the bytes before they are decoded
      if (chars.length < length) {
        chars = new char[length];
      }
      dictionary[d] = GeneralizedUtf8.read(in.buffer(), start, length, chars);
    }
    return distinct;
  }

  private void readRuns(ByteSource in, String[] dst, int count, int distinct) {
    for (int filled = 0; filled < count; ) {
      int id = in.readVarIntAtMost(distinct - 1, "dictionary id");
      int runOffset = in.position();
      int run = in.readVarIntAtMost(count - filled, "run length");
      if (run == 0) {
        throw new CorruptChunkException("empty run at offset " + runOffset);
      }
      Arrays.fill(dst, filled, filled + run, dictionary[id]);
      filled += run;
    }
  }
}
