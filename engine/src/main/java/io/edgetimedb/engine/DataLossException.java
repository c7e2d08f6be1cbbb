package io.edgetimedb.engine;

import io.edgetimedb.engine.durability.RecoveryLoss;
import java.nio.file.Path;

/**
 * Opening a durable database was refused because recovery would come back with less than the
 * directory once held: the message names what is lost (log records, files) and how to proceed.
 * Nothing on disk was changed. Opening with the setting {@code recovery.accept-loss} (the
 * server's {@code --accept-loss}) starts with what is left and keeps the damaged files aside.
 */
public final class DataLossException extends RuntimeException {
  /** The setting that lets a database open despite a loss. */
  public static final String ACCEPT_SETTING = "recovery.accept-loss";

  private final transient RecoveryLoss loss;

  public DataLossException(Path directory, RecoveryLoss loss) {
    super("refusing to open " + directory + ": recovery would lose " + loss.describe() + ". Nothing was changed. "
        + "To start with what is left, run the server with --accept-loss (embedded: " + ACCEPT_SETTING + "=true); "
        + "the damaged files are then kept aside as *.damaged. 'edgetimedb check " + directory + "' lists every file.");
    this.loss = loss;
  }

  /** What recovery would lose. */
  public RecoveryLoss loss() {
    return loss;
  }
}
