package io.edgetimedb.server.bench.peer;

import io.edgetimedb.server.bench.BenchQuery;
import io.edgetimedb.server.bench.BenchTarget;
import io.edgetimedb.server.bench.QueryArguments;
import java.util.function.Consumer;

/**
 * A peer answering through JDBC: its questions and the count of visible points go through its
 * {@link SqlQuestions}. The rows themselves are there for checking a peer's answers against what
 * was written; the benchmark only counts them.
 */
interface SqlTarget extends BenchTarget {
  SqlQuestions questions();

  /** Asks one question and hands each row to {@code rows}: see {@link SqlQuestions} for the columns. */
  default int answer(BenchQuery query, QueryArguments arguments, Consumer<Object[]> rows) throws Exception {
    return questions().ask(query, arguments, rows);
  }

  @Override
  default int query(BenchQuery query, QueryArguments arguments) throws Exception {
    return answer(query, arguments, row -> { });
  }

  @Override
  default long awaitVisible(long points, long timeoutMillis) throws Exception {
    return questions().awaitPoints(points, timeoutMillis);
  }
}
