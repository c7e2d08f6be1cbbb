package io.edgetimedb.engine.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.edgetimedb.engine.vfs.SimulatedFileSystem;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The log's segment size fits the disk it is on unless it is set: a fixed 64 MiB could not be
 * reserved on a small disk with 16 MiB free ("67108864 bytes needed, 16777216 free") and the
 * database did not start.
 */
class SegmentSizeTest {
  private static final long MIB = 1 << 20;
  private static final Path DIR = Path.of("/data/wal");
  private static final WalOptions ADAPTIVE = WalOptions.defaults().withSpareInBackground(false);

  @Test
  void anAdaptiveSegmentIsASixteenthOfTheFreeSpaceBetweenOneAndSixtyFourMebibytes() {
    assertThat(ADAPTIVE.adaptiveSegmentSize()).isTrue();
    assertThat(ADAPTIVE.segmentBytesFor(0)).isEqualTo(MIB);
    assertThat(ADAPTIVE.segmentBytesFor(16 * MIB - 1)).isEqualTo(MIB);
    assertThat(ADAPTIVE.segmentBytesFor(16 * MIB)).isEqualTo(MIB);
    assertThat(ADAPTIVE.segmentBytesFor(80 * MIB)).isEqualTo(5 * MIB);
    assertThat(ADAPTIVE.segmentBytesFor(16 * 64 * MIB - 16)).isEqualTo(64 * MIB - 1);
    assertThat(ADAPTIVE.segmentBytesFor(16 * 64 * MIB)).isEqualTo(64 * MIB);
    assertThat(ADAPTIVE.segmentBytesFor(1L << 40)).isEqualTo(64 * MIB);
  }

  @Test
  void aSetSegmentSizeIsObeyedWhateverTheDisk() {
    WalOptions set = ADAPTIVE.withSegmentBytes(64 << 10);
    assertThat(set.adaptiveSegmentSize()).isFalse();
    assertThat(set.segmentBytesFor(0)).isEqualTo(64 << 10);
    assertThat(set.segmentBytesFor(1L << 40)).isEqualTo(64 << 10);
    assertThatThrownBy(() -> ADAPTIVE.withSegmentBytes(WalSegmentFormat.HEADER_BYTES))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("to fit the disk");
  }

  @Test
  void aLogOnADiskWithSixteenMebibytesFreeOpensWithSegmentsItCanReserve() throws Exception {
    SimulatedFileSystem fs = smallDisk(16 * MIB);
    try (WriteAheadLog log = WriteAheadLog.open(fs, DIR, ADAPTIVE)) {
      assertThat(log.segmentBytes()).isEqualTo(MIB);
      assertThat(log.spaceShortage()).isNull();
      assertThat(log.append(ByteBuffer.wrap(new byte[100]))).isEqualTo(1);
    }
  }

  @Test
  void aSetSegmentSizeThatCannotBeReservedIsWarnedAboutAndOpensTheLogRefusingAppendsUntilSpaceReturns() throws Exception {
    SimulatedFileSystem fs = smallDisk(2 * MIB);
    List<LogRecord> warnings = new ArrayList<>();
    Logger logger = Logger.getLogger(WriteAheadLog.class.getName());
    Handler capture = new Handler() {
      @Override
      public void publish(LogRecord record) {
        warnings.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    logger.addHandler(capture);
    try (WriteAheadLog log = WriteAheadLog.open(fs, DIR, ADAPTIVE.withSegmentBytes(4 * MIB))) {
      logger.removeHandler(capture);
      assertThat(warnings).singleElement().satisfies(w -> {
        assertThat(w.getLevel()).isEqualTo(Level.WARNING);
        assertThat(MessageFormat.format(w.getMessage(), w.getParameters())).contains("wal.segment-size")
            .contains("1/16");
      });
      assertThat(log.segmentBytes()).isEqualTo(4 * MIB);
      assertThat(log.spaceShortage()).hasMessageContaining("4194304 bytes needed, 2097152 free");
      assertThat(log.status().segments()).isZero();
      assertThatThrownBy(() -> log.append(ByteBuffer.wrap(new byte[100]))).isInstanceOf(WalSpaceException.class);
      assertThatThrownBy(log::reserveSpace).isInstanceOf(WalSpaceException.class);

      fs.setCapacity(Long.MAX_VALUE);
      log.reserveSpace();
      assertThat(log.spaceShortage()).isNull();
      assertThat(log.append(ByteBuffer.wrap(new byte[100]))).isEqualTo(1);
    }
  }

  private static SimulatedFileSystem smallDisk(long free) throws Exception {
    SimulatedFileSystem fs = new SimulatedFileSystem();
    fs.createDirectories(DIR);
    fs.setCapacity(free);
    return fs;
  }
}
