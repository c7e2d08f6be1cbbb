package io.edgetimedb.engine.wal;

import io.edgetimedb.engine.vfs.FileSystem;
import java.nio.file.Path;

/**
 * The name a damaged file is kept under instead of being deleted: {@code <name>.damaged}, or
 * {@code <name>.damaged.<n>} with the first free {@code n} when an earlier start already set one
 * aside. Log segments and checkpoints share it, so an operator (and the next start) finds every
 * such file by one suffix.
 */
public final class SetAsideName {
  public static final String SUFFIX = ".damaged";

  private SetAsideName() {}

  /** The first free set-aside name beside {@code file}. */
  public static Path freeFor(FileSystem fs, Path file) {
    Path aside = file.resolveSibling(file.getFileName() + SUFFIX);
    for (int n = 1; fs.exists(aside); n++) {
      aside = file.resolveSibling(file.getFileName() + SUFFIX + "." + n);
    }
    return aside;
  }

  /** Whether {@code file} was set aside. */
  public static boolean isSetAside(Path file) {
    return file.getFileName().toString().contains(SUFFIX);
  }
}
