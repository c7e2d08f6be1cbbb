package io.edgetimedb.testsupport;

import io.edgetimedb.engine.vfs.FileSystem;
import io.edgetimedb.engine.vfs.ReadableFile;
import io.edgetimedb.engine.vfs.RealFileSystem;
import io.edgetimedb.engine.vfs.WritableFile;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The real disk for a database that stands for a process about to die without closing: it takes
 * no directory lock (a dead process's lock is gone), so a test can abandon the database and
 * reopen its directory in the same JVM, the way the next process would after a crash.
 */
public final class DyingProcessFileSystem implements FileSystem {
  private final RealFileSystem disk = new RealFileSystem();

  @Override
  public Closeable lock(Path file) {
    return () -> { };
  }

  @Override
  public WritableFile openAppend(Path file) throws IOException {
    return disk.openAppend(file);
  }

  @Override
  public ReadableFile openRead(Path file) throws IOException {
    return disk.openRead(file);
  }

  @Override
  public List<Path> list(Path dir) throws IOException {
    return disk.list(dir);
  }

  @Override
  public void createDirectories(Path dir) throws IOException {
    disk.createDirectories(dir);
  }

  @Override
  public void rename(Path from, Path to) throws IOException {
    disk.rename(from, to);
  }

  @Override
  public void delete(Path file) throws IOException {
    disk.delete(file);
  }

  @Override
  public void truncate(Path file, long size) throws IOException {
    disk.truncate(file, size);
  }

  @Override
  public long size(Path file) throws IOException {
    return disk.size(file);
  }

  @Override
  public boolean exists(Path file) {
    return disk.exists(file);
  }

  @Override
  public void syncDirectory(Path dir) throws IOException {
    disk.syncDirectory(dir);
  }

  @Override
  public long usableSpace(Path dir) throws IOException {
    return disk.usableSpace(dir);
  }
}
