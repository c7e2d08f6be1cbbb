package io.edgetimedb.bench.http;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The server side of an ingest benchmark in a child JVM, so that client and server do not share
 * a heap or a JIT: started with a main class, talked to through its stdin and stdout lines
 * ({@code port N} when ready, then whatever the main class answers to the commands sent).
 */
public final class ChildServer {
  private final Process process;
  private final BufferedReader out;
  private final Writer in;

  private ChildServer(Process process) {
    this.process = process;
    this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
  }

  /** Starts {@code mainClass} with this JVM's class path, the given JVM options and arguments. */
  public static ChildServer start(Class<?> mainClass, String jvmOptions, List<String> args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(jvmOptions.trim().split("\\s+")));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), mainClass.getName()));
    command.addAll(args);
    return new ChildServer(new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start());
  }

  public ProcessHandle handle() {
    return process.toHandle();
  }

  /** CPU time the child used so far. */
  public long cpuNanos() {
    return process.toHandle().info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(0L);
  }

  public void send(String command) throws IOException {
    in.write(command + "\n");
    in.flush();
  }

  /** The rest of the next output line starting with {@code prefix}, skipping other lines. */
  public String expect(String prefix) throws IOException {
    for (String line = out.readLine(); line != null; line = out.readLine()) {
      if (line.startsWith(prefix)) {
        return line.substring(prefix.length()).trim();
      }
    }
    throw new IOException("the server exited before printing '" + prefix + "'");
  }

  public void waitFor() throws InterruptedException {
    process.waitFor();
  }

  /** {@code --name=value} arguments as a map. */
  public static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 0) {
        throw new IllegalArgumentException("expected --name=value, got " + arg);
      }
      options.put(arg.substring(2, eq), arg.substring(eq + 1));
    }
    return options;
  }
}
