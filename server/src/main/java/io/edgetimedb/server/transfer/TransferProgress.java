package io.edgetimedb.server.transfer;

import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar on stderr for long imports and exports, or nothing: off with --quiet and when
 * stderr is not a terminal (a pipe or a log file would fill with redraws).
 */
public final class TransferProgress implements AutoCloseable {
  private final ProgressBar bar;

  private TransferProgress(ProgressBar bar) {
    this.bar = bar;
  }

  /** A bar of {@code total} units (-1 for unknown), shown only when wanted and stderr is a terminal. */
  public static TransferProgress start(String task, long total, String unit, boolean quiet) {
    if (quiet || System.console() == null) {
      return new TransferProgress(null);
    }
    ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total).setUnit(" " + unit, 1)
        .setStyle(ProgressBarStyle.ASCII).setConsumer(new ConsoleProgressBarConsumer(System.err)).build();
    return new TransferProgress(bar);
  }

  public void advance(long units) {
    if (bar != null) {
      bar.stepBy(units);
    }
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
