package io.edgetimedb.engine.chunkenc;

/** Thrown when encoded bytes are malformed or truncated; message names the codec and offset. */
public final class CorruptChunkException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CorruptChunkException(String message) {
    super(message);
  }

  /**
   * Prefixes a lower-level failure (usually a {@link ByteSource} read past the end, which cannot
   * know which format it was reading) with the name of the codec that was decoding.
   */
  static CorruptChunkException inCodec(String codec, CorruptChunkException cause) {
    CorruptChunkException wrapped = new CorruptChunkException(codec + ": " + cause.getMessage());
    wrapped.initCause(cause);
    return wrapped;
  }
}
