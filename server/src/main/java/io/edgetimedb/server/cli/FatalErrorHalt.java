package io.edgetimedb.server.cli;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;

/**
 * Ends the process when a thread dies of a {@link VirtualMachineError} (out of memory, a stack
 * overflow, an internal error). Why halt instead of letting the thread die: a server whose
 * selector or writer thread is gone still holds its ports, answers nothing and cannot be stopped
 * by SIGTERM (the stop waits for that thread), so a supervisor never restarts it. Halting skips
 * the shutdown hooks, which need memory and the dead threads; the log and every acknowledged
 * write are already on disk, and the next start recovers them.
 *
 * <p>This only sees threads that die: errors that a library catches (Jetty's request threads
 * do) are covered by {@code -XX:+ExitOnOutOfMemoryError}, which {@link #warnWithoutExitFlag}
 * asks for.
 */
final class FatalErrorHalt implements Thread.UncaughtExceptionHandler {
  /** Exit code of a halt, the one the JVM itself uses for -XX:+ExitOnOutOfMemoryError. */
  static final int EXIT_CODE = 3;
  static final String EXIT_FLAG = "ExitOnOutOfMemoryError";

  private final Thread.UncaughtExceptionHandler previous;

  private FatalErrorHalt(Thread.UncaughtExceptionHandler previous) {
    this.previous = previous;
  }

  /** Makes this the handler of every thread that has none of its own. */
  static void install() {
    Thread.UncaughtExceptionHandler current = Thread.getDefaultUncaughtExceptionHandler();
    if (!(current instanceof FatalErrorHalt)) {
      Thread.setDefaultUncaughtExceptionHandler(new FatalErrorHalt(current));
    }
  }

  @Override
  public void uncaughtException(Thread thread, Throwable error) {
    if (error instanceof VirtualMachineError) {
      System.err.println("fatal: thread " + thread.getName() + " died of " + error + "; halting (exit code "
          + EXIT_CODE + ") so that a supervisor restarts the server");
      System.err.flush();
      Runtime.getRuntime().halt(EXIT_CODE);
    }
    if (previous != null) {
      previous.uncaughtException(thread, error);
    } else {
      System.err.print("Exception in thread \"" + thread.getName() + "\" ");
      error.printStackTrace();
    }
  }

  /** Prints a warning when the JVM was started without -XX:+ExitOnOutOfMemoryError. */
  static void warnWithoutExitFlag(PrintStream out) {
    if (!exitFlagSet()) {
      out.println("warning: the JVM runs without -XX:+" + EXIT_FLAG + ": an out-of-memory error in a request "
          + "thread may leave a server that answers nothing; start it as java -XX:+" + EXIT_FLAG
          + " -jar edgetimedb.jar server");
    }
  }

  private static boolean exitFlagSet() {
    try {
      HotSpotDiagnosticMXBean hotspot = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
      return hotspot != null && Boolean.parseBoolean(hotspot.getVMOption(EXIT_FLAG).getValue());
    } catch (IllegalArgumentException notHotSpot) {
      // a JVM without the option has no way to exit on OOM but this handler
      return false;
    }
  }
}
