package io.edgetimedb.engine.chunkenc;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.xerial.snappy.Snappy;

/**
 * Byte arrays as one Snappy-compressed block holding every length, then every payload back to
 * back. Lengths come first so that the payloads of similar records sit next to each other, which
 * is where Snappy finds its matches.
 *
 * <pre>
 *  count 0: (nothing)
 *  count 1 or more:
 *  +------------------+--------------------------------------------------------------+
 *  | varint C         | C bytes: Snappy.compress of the block                        |
 *  | compressed bytes |  +-----------------------------+-----------+-----------+-----+ |
 *  |                  |  | count x varint value length | payload 0 | payload 1 | ... | |
 *  |                  |  +-----------------------------+-----------+-----------+-----+ |
 *  +------------------+--------------------------------------------------------------+
 * </pre>
 *
 * Not thread-safe: holds the block buffers.
 */
public final class SnappyBytesCodec {
  private static final byte[] EMPTY = new byte[0];

  private final ByteSink block = new ByteSink(256);
  private final ByteSource blockReader = new ByteSource();
  private byte[] compressed = new byte[0];
  private byte[] uncompressed = new byte[0];
  private int[] lengths = new int[0];

  public void encode(byte[][] values, int count, ByteSink out) {
    if (count == 0) {
      return;
    }
    block.reset();
    for (int i = 0; i < count; i++) {
      block.writeVarLong(values[i].length);
    }
    for (int i = 0; i < count; i++) {
      block.writeBytes(values[i], 0, values[i].length);
    }
    int maxLength = Snappy.maxCompressedLength(block.size());
    if (compressed.length < maxLength) {
      compressed = new byte[maxLength];
    }
    try {
      int length = Snappy.compress(block.array(), 0, block.size(), compressed, 0);
      out.writeVarLong(length);
      out.writeBytes(compressed, 0, length);
    } catch (IOException e) {
      throw new UncheckedIOException("Snappy could not compress a block", e);
    }
  }

  public void decode(ByteSource in, byte[][] dst, int count) {
    try {
      decodeChecked(in, dst, count);
    } catch (CorruptChunkException e) {
      throw CorruptChunkException.inCodec("SnappyBytesCodec", e);
    }
  }

  private void decodeChecked(ByteSource in, byte[][] dst, int count) {
    if (count == 0) {
      return;
    }
    int offset = in.position();
    int length = in.readVarIntAtMost(in.remaining(), "compressed length");
    int start = in.position();
    in.skip(length); // bounds-checks the block before native code reads it
    int blockLength = uncompress(in.buffer(), start, length, offset);
    blockReader.reset(uncompressed, 0, blockLength);
    if (lengths.length < count) {
      lengths = new int[count];
    }
    long payloadBytes = 0;
    for (int i = 0; i < count; i++) {
      lengths[i] = blockReader.readVarIntAtMost(blockLength, "value length");
      payloadBytes += lengths[i];
    }
    if (payloadBytes != blockReader.remaining()) {
      throw new CorruptChunkException(
          "lengths add up to " + payloadBytes + " but " + blockReader.remaining()
              + " payload bytes follow, block at offset " + offset);
    }
    for (int i = 0; i < count; i++) {
      dst[i] = lengths[i] == 0 ? EMPTY : new byte[lengths[i]];
      blockReader.readBytes(dst[i], 0, lengths[i]);
    }
  }

  /** Uncompresses into {@link #uncompressed} and returns the block length. */
  private int uncompress(byte[] buf, int off, int length, int offset) {
    try {
      // validating first means the length header can be trusted to size the buffer
      if (length == 0 || !Snappy.isValidCompressedBuffer(buf, off, length)) {
        throw new CorruptChunkException("invalid Snappy block at offset " + offset);
      }
      int blockLength = Snappy.uncompressedLength(buf, off, length);
      if (uncompressed.length < blockLength) {
        uncompressed = new byte[blockLength];
      }
      return Snappy.uncompress(buf, off, length, uncompressed, 0);
    } catch (IOException e) {
      throw new CorruptChunkException("invalid Snappy block at offset " + offset + ": " + e);
    }
  }
}
