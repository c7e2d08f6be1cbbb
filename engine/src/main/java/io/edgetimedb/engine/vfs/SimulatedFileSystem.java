package io.edgetimedb.engine.vfs;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/**
 * An in-memory file system that remembers what is durable and what is still only in the page
 * cache, so tests can cut the power at any moment, in the spirit of SQLite's crash-test VFS.
 *
 * <p>Every file has a visible content (what reads see) and a durable content (what survives a
 * power cut), plus the list of writes and truncations made since its last sync. Every directory
 * has a list of creates, renames and deletes made since its last {@link #syncDirectory}; a
 * rename is filed under the directory of its target. {@link #powerCut} resolves those pending
 * operations by a {@link CutPolicy}, makes the durable state the visible one and kills every
 * open handle. Directories themselves are durable as soon as they are created, a simplification
 * that keeps the model small; file sizes must fit in an {@code int}.
 *
 * <p>Writes may go to any position (a write past the end zero-fills the gap); each is pending
 * on its own until a sync, so a cut may keep a later write and drop, tear or garble an earlier
 * one, as a disk that reorders its writes would.
 *
 * <p>Faults: a failing fsync ({@link #failNextSync}), a full disk ({@link #setCapacity},
 * {@link #failWritesAfter}), a power cut at the n-th operation ({@link #cutPowerAtOperation}) and
 * a byte damaged at rest ({@link #flipByte}).
 * Every call on the file system or on a live handle, except {@code lock} and a handle's
 * {@code size} and {@code close}, counts as one operation; a call on a handle killed by a power cut fails
 * without counting, so a test can tell that nothing touched the disk after the cut. The class
 * is thread-safe: every operation holds the file system's monitor.
 */
public final class SimulatedFileSystem implements FileSystem {

  private final Set<Path> directories = new HashSet<>();
  private final Map<Path, Inode> visible = new TreeMap<>();
  private final Map<Path, Inode> durable = new TreeMap<>();
  private final Map<Path, List<NamespaceChange>> pendingChanges = new TreeMap<>();
  private final Set<Inode> dirtyInodes = new LinkedHashSet<>();
  /** Held locks; a power cut ends the process that held them. Not operations: nothing is written. */
  private final Set<Path> locked = new HashSet<>();
  private long capacity = Long.MAX_VALUE;
  private long epoch;
  private long operations;
  private long cutAtOperation = -1;
  private Random cutRandom;
  private CutPolicy cutPolicy;
  private IOException nextSyncFailure;

  // ---------------------------------------------------------------- fault injection and probes

  /** Cuts the power now: resolves every pending operation by {@code policy}, kills all handles. */
  public synchronized void powerCut(Random random, CutPolicy policy) {
    locked.clear();
    for (Inode inode : dirtyInodes) {
      inode.resolvePending(random, policy);
    }
    dirtyInodes.clear();
    for (List<NamespaceChange> changes : pendingChanges.values()) {
      int kept = keptChangeCount(changes.size(), random, policy);
      changes.subList(0, kept).forEach(change -> change.applyTo(durable));
    }
    pendingChanges.clear();
    visible.clear();
    visible.putAll(durable);
    durable.values().forEach(Inode::revertToDurable);
    epoch++;
  }

  /**
   * A journaling file system commits directory changes in order, so a cut keeps a prefix of
   * them; keeping an arbitrary subset would test states no real disk produces.
   */
  private static int keptChangeCount(int pending, Random random, CutPolicy policy) {
    switch (policy) {
      case WRITE_ALL:
        return pending;
      case DROP_ALL:
        return 0;
      default:
        return random.nextInt(pending + 1);
    }
  }

  /**
   * Arms a power cut: operation number {@code operation} (counted as {@link #operationCount()}
   * counts, from 1) does not happen; instead the power is cut and it throws {@link
   * PowerCutException}.
   */
  public synchronized void cutPowerAtOperation(long operation, Random random, CutPolicy policy) {
    this.cutAtOperation = operation;
    this.cutRandom = random;
    this.cutPolicy = policy;
  }

  /** Number of operations performed so far. */
  public synchronized long operationCount() {
    return operations;
  }

  /**
   * Makes the next {@link WritableFile#sync()} throw {@code failure}. Like Linux after a failed
   * writeback, the file's unsynced writes are then forgotten as pending: they stay visible but
   * will never become durable, so a later sync that succeeds proves nothing about them.
   */
  public synchronized void failNextSync(IOException failure) {
    this.nextSyncFailure = failure;
  }

  /** Limits the total size of all files; writes beyond it fail with "No space left on device". */
  public synchronized void setCapacity(long bytes) {
    this.capacity = bytes;
  }

  /**
   * Damage at rest: inverts the byte at {@code offset} of {@code file} in what reads see and in
   * what survives a power cut alike, as a flipped bit on the medium would; not an operation.
   */
  public synchronized void flipByte(Path file, long offset) throws IOException {
    Inode inode = existingFile(file);
    int at = Math.toIntExact(offset);
    if (at >= inode.visible.length) {
      throw new IOException("offset " + offset + " is past the end of " + file);
    }
    inode.visible.bytes[at] ^= (byte) 0xFF;
    if (at < inode.durable.length) {
      inode.durable.bytes[at] ^= (byte) 0xFF;
    }
  }

  /** Lets only {@code bytes} more bytes be written before the disk is full. */
  public synchronized void failWritesAfter(long bytes) {
    this.capacity = usedBytes() + bytes;
  }

  /**
   * A new file system holding exactly what would survive a power cut right now that dropped
   * every pending operation; this one is left unchanged.
   */
  public synchronized SimulatedFileSystem copyOfDurableState() {
    SimulatedFileSystem copy = new SimulatedFileSystem();
    copy.directories.addAll(directories);
    Map<Inode, Inode> copies = new IdentityHashMap<>();
    durable.forEach(
        (path, inode) -> copy.durable.put(path, copies.computeIfAbsent(inode, Inode::durableCopy)));
    copy.visible.putAll(copy.durable);
    copy.capacity = capacity;
    return copy;
  }

  // ---------------------------------------------------------------- FileSystem

  @Override
  public synchronized Closeable lock(Path file) throws IOException {
    if (!locked.add(file)) {
      throw new IOException(file + " is locked by another holder");
    }
    return () -> {
      synchronized (this) {
        locked.remove(file);
      }
    };
  }

  @Override
  public synchronized WritableFile openAppend(Path file) throws IOException {
    beginOperation();
    requireDirectory(file.getParent());
    if (directories.contains(file)) {
      throw new FileAlreadyExistsException(file + " is a directory");
    }
    Inode inode = visible.get(file);
    if (inode == null) {
      inode = new Inode();
      visible.put(file, inode);
      addChange(file.getParent(), new Link(file, inode));
    }
    return new SimulatedWritableFile(inode, file);
  }

  @Override
  public synchronized ReadableFile openRead(Path file) throws IOException {
    beginOperation();
    return new SimulatedReadableFile(existingFile(file));
  }

  @Override
  public synchronized List<Path> list(Path dir) throws IOException {
    beginOperation();
    requireDirectory(dir);
    List<Path> entries = new ArrayList<>();
    for (Path path : visible.keySet()) {
      if (dir.equals(path.getParent())) {
        entries.add(path);
      }
    }
    for (Path path : directories) {
      if (dir.equals(path.getParent())) {
        entries.add(path);
      }
    }
    entries.sort(Comparator.comparing(path -> path.getFileName().toString()));
    return entries;
  }

  @Override
  public synchronized void createDirectories(Path dir) throws IOException {
    beginOperation();
    for (Path path = dir; path != null && path.getParent() != null; path = path.getParent()) {
      if (visible.containsKey(path)) {
        throw new FileAlreadyExistsException(path + " is a file");
      }
      directories.add(path);
    }
  }

  @Override
  public synchronized void rename(Path from, Path to) throws IOException {
    beginOperation();
    Inode inode = existingFile(from);
    requireDirectory(to.getParent());
    visible.remove(from);
    visible.put(to, inode);
    addChange(to.getParent(), new Rename(from, to, inode));
  }

  @Override
  public synchronized void delete(Path file) throws IOException {
    beginOperation();
    existingFile(file);
    visible.remove(file);
    addChange(file.getParent(), new Unlink(file));
  }

  @Override
  public synchronized void truncate(Path file, long size) throws IOException {
    beginOperation();
    Inode inode = existingFile(file);
    inode.visible.truncate(Math.toIntExact(size));
    inode.pending.add(new PendingTruncate(Math.toIntExact(size)));
    dirtyInodes.add(inode);
  }

  @Override
  public synchronized long size(Path file) throws IOException {
    beginOperation();
    return existingFile(file).visible.length;
  }

  @Override
  public synchronized boolean exists(Path file) {
    beginOperation();
    return visible.containsKey(file) || isDirectory(file);
  }

  @Override
  public synchronized void syncDirectory(Path dir) throws IOException {
    beginOperation();
    requireDirectory(dir);
    List<NamespaceChange> changes = pendingChanges.remove(dir);
    if (changes != null) {
      changes.forEach(change -> change.applyTo(durable));
    }
  }

  @Override
  public synchronized long usableSpace(Path dir) throws IOException {
    beginOperation();
    requireDirectory(dir);
    return freeBytes();
  }

  // ---------------------------------------------------------------- internals

  private void beginOperation() {
    operations++;
    if (operations == cutAtOperation) {
      cutAtOperation = -1;
      powerCut(cutRandom, cutPolicy);
      throw new PowerCutException(operations);
    }
  }

  private boolean isDirectory(Path path) {
    return path.getParent() == null || directories.contains(path);
  }

  private void requireDirectory(Path dir) throws IOException {
    if (dir == null || !isDirectory(dir)) {
      throw new NoSuchFileException(String.valueOf(dir), null, "no such directory");
    }
  }

  private Inode existingFile(Path file) throws IOException {
    Inode inode = visible.get(file);
    if (inode == null) {
      throw new NoSuchFileException(file.toString());
    }
    return inode;
  }

  private void addChange(Path dir, NamespaceChange change) {
    pendingChanges.computeIfAbsent(dir, key -> new ArrayList<>()).add(change);
  }

  private long usedBytes() {
    Set<Inode> counted = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    long used = 0;
    for (Inode inode : visible.values()) {
      if (counted.add(inode)) {
        used += inode.visible.length;
      }
    }
    return used;
  }

  private long freeBytes() {
    return Math.max(0, capacity - usedBytes());
  }

  private void checkAlive(SimulatedHandle handle) throws IOException {
    if (handle.epoch != epoch) {
      throw new IOException("power lost: handle opened before the last power cut");
    }
    if (handle.closed) {
      throw new ClosedChannelException();
    }
  }

  private synchronized void write(SimulatedWritableFile file, ByteBuffer src, long position)
      throws IOException {
    checkAlive(file);
    beginOperation();
    Inode inode = file.inode;
    int offset = position < 0 ? inode.visible.length : Math.toIntExact(position);
    int wanted = src.remaining();
    int accepted = (int) Math.min(wanted, overwritten(inode, offset, wanted) + freeBytes());
    if (accepted > 0) {
      byte[] bytes = new byte[accepted];
      src.get(bytes);
      inode.visible.write(offset, bytes, bytes.length);
      inode.pending.add(new PendingWrite(offset, bytes));
      dirtyInodes.add(inode);
    }
    if (accepted < wanted) {
      throw new IOException("No space left on device: " + file.path);
    }
  }

  /** How many of {@code count} bytes written at {@code offset} land on bytes the file already has: those need no space. */
  private static int overwritten(Inode inode, int offset, int count) {
    return Math.max(0, Math.min(count, inode.visible.length - offset));
  }

  private synchronized void sync(SimulatedWritableFile file) throws IOException {
    checkAlive(file);
    beginOperation();
    Inode inode = file.inode;
    dirtyInodes.remove(inode);
    if (nextSyncFailure != null) {
      IOException failure = nextSyncFailure;
      nextSyncFailure = null;
      inode.pending.clear();
      throw failure;
    }
    inode.resolvePending(null, CutPolicy.WRITE_ALL);
  }

  private synchronized int read(SimulatedReadableFile file, ByteBuffer dst, long position)
      throws IOException {
    checkAlive(file);
    beginOperation();
    Content content = file.inode.visible;
    if (position >= content.length) {
      return -1;
    }
    int count = (int) Math.min(dst.remaining(), content.length - position);
    dst.put(content.bytes, (int) position, count);
    return count;
  }

  private synchronized long handleSize(SimulatedHandle handle) {
    return handle.inode.visible.length;
  }

  private synchronized long readableSize(SimulatedReadableFile file) throws IOException {
    checkAlive(file);
    beginOperation();
    return file.inode.visible.length;
  }

  private synchronized void close(SimulatedHandle handle) {
    handle.closed = true;
  }

  /** A growable byte array. */
  private static final class Content {
    byte[] bytes = new byte[0];
    int length;

    void write(int offset, byte[] src, int count) {
      int end = offset + count;
      if (end > bytes.length) {
        bytes = Arrays.copyOf(bytes, Math.max(end, bytes.length * 2));
      }
      if (offset > length) {
        Arrays.fill(bytes, length, offset, (byte) 0);
      }
      System.arraycopy(src, 0, bytes, offset, count);
      length = Math.max(length, end);
    }

    void truncate(int size) {
      if (size > length) {
        write(size, new byte[0], 0);
      }
      length = size;
    }

    Content copy() {
      Content copy = new Content();
      copy.bytes = Arrays.copyOf(bytes, length);
      copy.length = length;
      return copy;
    }
  }

  /** One file's data: what reads see, what is on the platter, and what lies between. */
  private static final class Inode {
    Content visible = new Content();
    Content durable = new Content();
    final List<PendingContentChange> pending = new ArrayList<>();

    void resolvePending(Random random, CutPolicy policy) {
      for (PendingContentChange change : pending) {
        change.resolve(durable, random, policy);
      }
      pending.clear();
    }

    void revertToDurable() {
      visible = durable.copy();
    }

    Inode durableCopy() {
      Inode copy = new Inode();
      copy.durable = durable.copy();
      copy.visible = durable.copy();
      return copy;
    }
  }

  private interface PendingContentChange {
    void resolve(Content durable, Random random, CutPolicy policy);
  }

  private static final class PendingWrite implements PendingContentChange {
    private final int offset;
    private final byte[] bytes;

    PendingWrite(int offset, byte[] bytes) {
      this.offset = offset;
      this.bytes = bytes;
    }

    @Override
    public void resolve(Content durable, Random random, CutPolicy policy) {
      if (policy == CutPolicy.WRITE_ALL) {
        durable.write(offset, bytes, bytes.length);
      } else if (policy == CutPolicy.RANDOM) {
        resolveRandomly(durable, random);
      }
    }

    private void resolveRandomly(Content durable, Random random) {
      switch (random.nextInt(4)) {
        case 0:
          durable.write(offset, bytes, bytes.length);
          break;
        case 1:
          break;
        case 2:
          durable.write(offset, bytes, random.nextInt(bytes.length));
          break;
        default:
          durable.write(offset, garbled(random), bytes.length);
      }
    }

    private byte[] garbled(Random random) {
      byte[] copy = bytes.clone();
      int from = random.nextInt(copy.length);
      int to = from + 1 + random.nextInt(copy.length - from);
      for (int i = from; i < to; i++) {
        copy[i] = (byte) random.nextInt(256);
      }
      return copy;
    }
  }

  private static final class PendingTruncate implements PendingContentChange {
    private final int size;

    PendingTruncate(int size) {
      this.size = size;
    }

    @Override
    public void resolve(Content durable, Random random, CutPolicy policy) {
      boolean applied =
          policy == CutPolicy.WRITE_ALL || (policy == CutPolicy.RANDOM && random.nextBoolean());
      if (applied) {
        durable.truncate(size);
      }
    }
  }

  private interface NamespaceChange {
    void applyTo(Map<Path, Inode> namespace);
  }

  private static final class Link implements NamespaceChange {
    private final Path path;
    private final Inode inode;

    Link(Path path, Inode inode) {
      this.path = path;
      this.inode = inode;
    }

    @Override
    public void applyTo(Map<Path, Inode> namespace) {
      namespace.put(path, inode);
    }
  }

  private static final class Rename implements NamespaceChange {
    private final Path from;
    private final Path to;
    private final Inode inode;

    Rename(Path from, Path to, Inode inode) {
      this.from = from;
      this.to = to;
      this.inode = inode;
    }

    @Override
    public void applyTo(Map<Path, Inode> namespace) {
      namespace.remove(from);
      namespace.put(to, inode);
    }
  }

  private static final class Unlink implements NamespaceChange {
    private final Path path;

    Unlink(Path path) {
      this.path = path;
    }

    @Override
    public void applyTo(Map<Path, Inode> namespace) {
      namespace.remove(path);
    }
  }

  private abstract class SimulatedHandle {
    final Inode inode;
    final Path path;
    final long epoch = SimulatedFileSystem.this.epoch;
    boolean closed;

    SimulatedHandle(Inode inode, Path path) {
      this.inode = inode;
      this.path = path;
    }

    public void close() {
      SimulatedFileSystem.this.close(this);
    }
  }

  private final class SimulatedWritableFile extends SimulatedHandle implements WritableFile {
    SimulatedWritableFile(Inode inode, Path path) {
      super(inode, path);
    }

    @Override
    public void write(ByteBuffer src) throws IOException {
      SimulatedFileSystem.this.write(this, src, -1);
    }

    @Override
    public void write(ByteBuffer src, long position) throws IOException {
      if (position < 0) {
        throw new IllegalArgumentException("negative position: " + position);
      }
      SimulatedFileSystem.this.write(this, src, position);
    }

    @Override
    public void sync() throws IOException {
      SimulatedFileSystem.this.sync(this);
    }

    @Override
    public long size() {
      return handleSize(this);
    }
  }

  private final class SimulatedReadableFile extends SimulatedHandle implements ReadableFile {
    SimulatedReadableFile(Inode inode) {
      super(inode, null);
    }

    @Override
    public int read(ByteBuffer dst, long position) throws IOException {
      return SimulatedFileSystem.this.read(this, dst, position);
    }

    @Override
    public long size() throws IOException {
      return readableSize(this);
    }
  }
}
