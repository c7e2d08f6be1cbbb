package io.edgetimedb.engine.durability;

import io.edgetimedb.engine.Database;
import io.edgetimedb.engine.wal.FsyncPolicy;
import io.edgetimedb.engine.write.PointBatch;
import io.edgetimedb.engine.write.WriteResult;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The child process of {@link CrashRecoveryTest}: opens a durable database and writes
 * {@link CrashWorkload} batches from several threads until it is killed, printing
 * {@code ACK k} once {@code write} of batch k has returned.
 *
 * <p>Arguments: data directory, fsync policy, then one starting batch number per writer
 * thread; thread t of n writes its start, start + n, start + 2n, ... so that each thread's
 * batches follow one another and the parent can tell them apart.
 */
public final class CrashWorkloadWriter {
  /** Stops a child whose parent vanished without killing it. */
  private static final long LIFETIME_MILLIS = 120_000;

  private CrashWorkloadWriter() {}

  public static void main(String[] args) throws InterruptedException {
    Path dir = Path.of(args[0]);
    FsyncPolicy policy = FsyncPolicy.valueOf(args[1]);
    int threads = args.length - 2;
    PrintStream acks = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.US_ASCII);
    Database db = Database.open(CrashWorkload.config(dir, policy));
    for (int t = 0; t < threads; t++) {
      long start = Long.parseLong(args[2 + t]);
      Thread writer = new Thread(() -> writeFrom(db, start, threads, acks), "crash-writer-" + t);
      writer.setDaemon(true);
      writer.start();
    }
    Thread.sleep(LIFETIME_MILLIS);
    System.exit(2);
  }

  private static void writeFrom(Database db, long start, int stride, PrintStream acks) {
    PointBatch batch = new PointBatch().source("crash-test");
    try {
      for (long k = start; ; k += stride) {
        CrashWorkload.fill(k, batch);
        WriteResult result = db.write(batch);
        if (!result.allAccepted()) {
          throw new IllegalStateException("batch " + k + " was partly refused: " + result.rejected());
        }
        acknowledge(acks, k);
      }
    } catch (RuntimeException e) {
      e.printStackTrace();
      Runtime.getRuntime().halt(3);
    }
  }

  /** One line, flushed at once: the parent may hold the child to it the moment it is out. */
  private static void acknowledge(PrintStream acks, long batch) {
    synchronized (acks) {
      acks.println("ACK " + batch);
      acks.flush();
      if (acks.checkError()) {
        Runtime.getRuntime().halt(4);
      }
    }
  }
}
