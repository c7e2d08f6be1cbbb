package io.edgetimedb.engine.vfs;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The disk, through {@link FileChannel}; {@code sync} is {@code force(true)}, i.e. fsync. */
public final class RealFileSystem implements FileSystem {

  private static final boolean LINUX =
      System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("linux");

  @Override
  public WritableFile openAppend(Path file) throws IOException {
    // not APPEND: on Linux a positional write to an O_APPEND file goes to the end regardless
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    return new ChannelWritableFile(file, channel);
  }

  @Override
  public ReadableFile openRead(Path file) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
    return new ChannelReadableFile(channel);
  }

  @Override
  public List<Path> list(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries
          .sorted(Comparator.comparing(path -> path.getFileName().toString()))
          .collect(Collectors.toList());
    }
  }

  @Override
  public void createDirectories(Path dir) throws IOException {
    Files.createDirectories(dir);
  }

  @Override
  public void rename(Path from, Path to) throws IOException {
    Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  @Override
  public void delete(Path file) throws IOException {
    Files.delete(file);
  }

  @Override
  public void truncate(Path file, long size) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      if (size < channel.size()) {
        channel.truncate(size);
      } else if (size > channel.size()) {
        channel.write(ByteBuffer.allocate(1), size - 1);
      }
    }
  }

  @Override
  public long size(Path file) throws IOException {
    return Files.size(file);
  }

  @Override
  public boolean exists(Path file) {
    return Files.exists(file);
  }

  /**
   * Fsyncs the directory itself, which is what makes a new, renamed or deleted entry survive a
   * power cut on Linux. Some other platforms refuse to open or force a directory; there the
   * error is ignored because they offer no way to do better, but on Linux it is reported.
   */
  @Override
  public void syncDirectory(Path dir) throws IOException {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      if (LINUX) {
        throw e;
      }
    }
  }

  @Override
  public long usableSpace(Path dir) throws IOException {
    return Files.getFileStore(dir).getUsableSpace();
  }

  private static final class ChannelWritableFile implements WritableFile {
    private final Path path;
    private final FileChannel channel;

    ChannelWritableFile(Path path, FileChannel channel) {
      this.path = path;
      this.channel = channel;
    }

    /** Appends at the current size, asked each time, so a truncation by another handle is followed. */
    @Override
    public void write(ByteBuffer src) throws IOException {
      write(src, channel.size());
    }

    @Override
    public void write(ByteBuffer src, long position) throws IOException {
      long at = position;
      while (src.hasRemaining()) {
        at += channel.write(src, at);
      }
    }

    @Override
    public void sync() throws IOException {
      channel.force(true);
    }

    @Override
    public long size() {
      try {
        return channel.size();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }

  private static final class ChannelReadableFile implements ReadableFile {
    private final FileChannel channel;

    ChannelReadableFile(FileChannel channel) {
      this.channel = channel;
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
      return channel.read(dst, position);
    }

    @Override
    public long size() throws IOException {
      return channel.size();
    }

    @Override
    public void close() throws IOException {
      channel.close();
    }
  }

  /** An OS advisory lock (fcntl on Linux): the kernel drops it when the process dies, even by SIGKILL. */
  @Override
  public Closeable lock(Path file) throws IOException {
    FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      channel.close();
      throw new IOException(file + " is locked by another holder");
    }
    return channel::close;
  }
}
