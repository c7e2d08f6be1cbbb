package io.edgetimedb.bench.compression;

import com.github.luben.zstd.Zstd;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

/**
 * The yardsticks the engine's codecs are judged against: xz at preset 9 and zstd at
 * level 19, over the same points laid out as raw 16-byte (timestamp, value) records.
 */
final class GeneralPurposeCompressors {
  private GeneralPurposeCompressors() {}

  static long xz9(byte[] raw) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      try (XZOutputStream xz = new XZOutputStream(out, new LZMA2Options(9))) {
        xz.write(raw);
      }
      return out.size();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static long zstd19(byte[] raw) {
    return Zstd.compress(raw, 19).length;
  }
}
