package io.edgetimedb.server.avatica;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.function.LongConsumer;
import org.apache.calcite.avatica.remote.ProtobufMeta;

/**
 * A Meta that reports how long each statement execution took (the server's share of a remote
 * query's latency: planning or the cached plan, and producing the first frame; later frames are
 * fetches of their own), for the query-latency meter.
 */
final class TimedMeta implements InvocationHandler {
  private static final Set<String> EXECUTIONS =
      Set.of("execute", "prepareAndExecute", "executeBatch", "prepareAndExecuteBatch", "fetch");

  private final ProtobufMeta target;
  private final LongConsumer executionNanos;

  private TimedMeta(ProtobufMeta target, LongConsumer executionNanos) {
    this.target = target;
    this.executionNanos = executionNanos;
  }

  static ProtobufMeta wrap(ProtobufMeta target, LongConsumer executionNanos) {
    return (ProtobufMeta) Proxy.newProxyInstance(ProtobufMeta.class.getClassLoader(),
        new Class<?>[] {ProtobufMeta.class}, new TimedMeta(target, executionNanos));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    boolean timed = EXECUTIONS.contains(method.getName());
    long start = timed ? System.nanoTime() : 0;
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    } finally {
      if (timed) {
        executionNanos.accept(System.nanoTime() - start);
      }
    }
  }
}
