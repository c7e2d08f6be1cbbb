package io.edgetimedb.engine.wal;

import io.edgetimedb.engine.vfs.FileSystem;
import io.edgetimedb.engine.vfs.WritableFile;
import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * The disk space of the next log segment, reserved ahead of need: a file {@code wal-spare.tmp}
 * written full of zeros, {@code segmentBytes} long, and fsynced, which the log turns into its
 * next segment at rotation (header written in place, then renamed). Because the space is taken
 * before any record goes in, a full disk shows up here, when a spare is prepared, and never in
 * the middle of a record.
 *
 * <p>The log asks for a spare ({@link #prepareAhead}) as soon as it has used the previous one.
 * With a background thread the zeros are written and fsynced there, off the writers' path;
 * without one (deterministic tests) the caller prepares it at once. A failed preparation is
 * remembered, not thrown: the segment in use still has room, so only the rotation that needs
 * the spare ({@link #take}) tries again and, if the disk is still full, fails.
 *
 * <p>Thread-safe: the monitor guards the state; zeros are written without holding it.
 */
final class SpareSegment implements Closeable {

  static final String FILE_NAME = "wal-spare.tmp";
  private static final int ZERO_CHUNK_BYTES = 1 << 20;

  private enum State { ABSENT, PREPARING, READY }

  private final FileSystem fs;
  private final Path path;
  private final long bytes;
  private final Thread preparer;
  private State state = State.ABSENT;
  private boolean wanted;
  private boolean closed;
  private IOException lastFailure;

  SpareSegment(FileSystem fs, Path dir, long bytes, boolean inBackground) {
    this.fs = fs;
    this.path = dir.resolve(FILE_NAME);
    this.bytes = bytes;
    this.preparer = inBackground ? newPreparerThread(dir) : null;
    if (preparer != null) {
      preparer.start();
    }
  }

  /** Asks for the next spare: prepared by the background thread, or now if there is none. */
  void prepareAhead() {
    if (preparer == null) {
      synchronized (this) {
        prepareHoldingMonitor();
      }
      return;
    }
    synchronized (this) {
      wanted = true;
      notifyAll();
    }
  }

  /**
   * Hands over the ready spare file, whose content is {@code segmentBytes} durable zeros; the
   * caller renames it. Waits for a preparation in progress, and prepares it now if none is
   * ready (the last attempt failed, say, for lack of space).
   *
   * @throws IOException if the space cannot be had; nothing was written to the log
   */
  synchronized Path take() throws IOException {
    awaitReady();
    state = State.ABSENT;
    return path;
  }

  /**
   * Returns once a spare is ready, preparing it now if none is (as {@link #take} does, but
   * leaving it in place): a log that could not reserve space retries with this in the
   * background, so that writers find the space ready again.
   *
   * @throws WalSpaceException if the space cannot be had
   */
  synchronized void awaitReady() throws IOException {
    while (state == State.PREPARING) {
      waitUninterruptibly();
    }
    if (state == State.ABSENT) {
      // prepared here, so the request is met: left standing, it would send the background thread
      // to replace the file while the caller is turning it into a segment
      wanted = false;
      prepareHoldingMonitor();
    }
    if (state != State.READY) {
      throw lastFailure;
    }
  }

  /** Why the last preparation failed, or null; for tests and diagnostics. */
  synchronized IOException lastFailure() {
    return lastFailure;
  }

  private void prepareHoldingMonitor() {
    if (state == State.READY) {
      return;
    }
    state = State.PREPARING;
    try {
      writeZeros();
      state = State.READY;
      lastFailure = null;
    } catch (IOException e) {
      lastFailure = e;
    } finally {
      if (state == State.PREPARING) {
        state = State.ABSENT;
      }
    }
  }

  /**
   * Replaces any earlier spare by a zero-filled, fsynced file; checks the free space first so
   * that a full disk is reported before megabytes of zeros are written and thrown away.
   */
  private void writeZeros() throws IOException {
    try {
      if (fs.exists(path)) {
        fs.delete(path);
      }
      long free = fs.usableSpace(path.getParent());
      if (free < bytes) {
        throw new IOException("No space left on device: " + bytes + " bytes needed, " + free + " free");
      }
      try (WritableFile file = fs.openAppend(path)) {
        ByteBuffer zeros = ByteBuffer.allocate((int) Math.min(ZERO_CHUNK_BYTES, bytes));
        for (long written = 0; written < bytes && !isClosed(); written += zeros.limit()) {
          zeros.clear().limit((int) Math.min(zeros.capacity(), bytes - written));
          file.write(zeros);
        }
        file.sync();
      }
    } catch (IOException e) {
      deleteQuietly(e);
      throw new WalSpaceException("cannot reserve " + bytes + " bytes for the next WAL segment in "
          + path.getParent() + ": " + e.getMessage(), e);
    }
  }

  private synchronized boolean isClosed() {
    return closed;
  }

  private void deleteQuietly(IOException cause) {
    try {
      if (fs.exists(path)) {
        fs.delete(path);
      }
    } catch (IOException | RuntimeException cleanup) {
      cause.addSuppressed(cleanup);
    }
  }

  private Thread newPreparerThread(Path dir) {
    Thread thread = new Thread(this::runPreparer, "wal-spare-" + dir.getFileName());
    thread.setDaemon(true);
    return thread;
  }

  private void runPreparer() {
    while (awaitPreparationWanted()) {
      IOException failure = null;
      try {
        writeZeros();
      } catch (IOException e) {
        failure = e;
      } catch (RuntimeException e) {
        // the thread must survive whatever the file system throws, or take() would wait for ever
        failure = new WalSpaceException("cannot reserve space for the next WAL segment: " + e, e);
      }
      finishPreparation(failure);
    }
  }

  /** Waits until a spare is wanted and none exists, and claims the preparation; false on close. */
  private synchronized boolean awaitPreparationWanted() {
    while (!closed && !(wanted && state == State.ABSENT)) {
      waitUninterruptibly();
    }
    if (closed) {
      return false;
    }
    wanted = false;
    state = State.PREPARING;
    return true;
  }

  private synchronized void finishPreparation(IOException failure) {
    state = failure == null && !closed ? State.READY : State.ABSENT;
    lastFailure = failure;
    notifyAll();
  }

  private void waitUninterruptibly() {
    try {
      wait();
    } catch (InterruptedException ignored) {
      // the loops around every wait re-check their condition
    }
  }

  /** Stops the background thread, abandoning a preparation, and deletes a ready spare file. */
  @Override
  public void close() throws IOException {
    close(true);
  }

  /**
   * Stops the background thread, abandoning a preparation; deletes a ready spare only if
   * {@code deleteFile}: after a failure of the log nothing more should touch the disk, and a
   * leftover spare is deleted at the next start anyway.
   */
  void close(boolean deleteFile) throws IOException {
    synchronized (this) {
      closed = true;
      notifyAll();
    }
    if (preparer != null) {
      joinUninterruptibly(preparer);
    }
    synchronized (this) {
      if (deleteFile && state == State.READY) {
        fs.delete(path);
      }
      state = State.ABSENT;
    }
  }

  private static void joinUninterruptibly(Thread thread) {
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException ignored) {
        // close must not leave the thread writing
      }
    }
  }
}
