package io.edgetimedb.engine.wal;

import static org.assertj.core.api.Assertions.assertThat;

import io.edgetimedb.engine.vfs.SimulatedFileSystem;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SpareSegmentTest {
  private static final long BYTES = 64 << 10;

  @Test
  void aSpareTakenBeforeTheBackgroundThreadStartedIsNotReplacedUnderTheTaker() throws Exception {
    SimulatedFileSystem fs = new SimulatedFileSystem();
    Path dir = Path.of("/data/wal");
    fs.createDirectories(dir);
    SpareSegment spare = new SpareSegment(fs, dir, BYTES, true);
    Path taken;
    // holding the monitor keeps the background thread from claiming the request in between, so
    // take() prepares the spare itself, as it does when a rotation outruns the thread
    synchronized (spare) {
      spare.prepareAhead();
      taken = spare.take();
    }
    long operations = fs.operationCount();
    Thread.sleep(300);
    assertThat(fs.operationCount()).as("nothing touched the disk: the request was met by take()").isEqualTo(operations);
    assertThat(fs.exists(taken)).as("the taken spare is still there for the rotation").isTrue();
    assertThat(fs.size(taken)).isEqualTo(BYTES);
    spare.close();
  }

  @Test
  void aRequestedSpareIsPreparedInTheBackgroundAndTakenReady() throws Exception {
    SimulatedFileSystem fs = new SimulatedFileSystem();
    Path dir = Path.of("/data/wal");
    fs.createDirectories(dir);
    try (SpareSegment spare = new SpareSegment(fs, dir, BYTES, true)) {
      spare.prepareAhead();
      Path taken = spare.take();
      assertThat(fs.size(taken)).isEqualTo(BYTES);
      assertThat(spare.lastFailure()).isNull();
    }
  }
}
