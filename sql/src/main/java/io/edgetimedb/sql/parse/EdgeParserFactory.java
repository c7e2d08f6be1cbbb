package io.edgetimedb.sql.parse;

import io.edgetimedb.engine.Database;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.Set;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;
import org.apache.calcite.sql.parser.SqlParserImplFactory;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.util.SourceStringReader;

/**
 * Creates the {@link EdgeSqlParser} for a statement, knowing the database whose stored names
 * unquoted identifiers map to. One factory serves one statement being prepared.
 */
public final class EdgeParserFactory implements SqlParserImplFactory {
  private final SqlParser.Config subConfig;
  private final Database db;
  private final Set<String> functionNames;

  /**
   * @param config the connection's parser settings (casing, conformance); SHOW queries are
   *     parsed with them by the plain Babel parser
   */
  public EdgeParserFactory(SqlParser.Config config, Database db, Set<String> functionNames) {
    this.subConfig = config.withParserFactory(SqlBabelParserImpl.FACTORY);
    this.db = db;
    this.functionNames = functionNames;
  }

  /**
   * Parses one statement as a connection with default settings would, for callers outside
   * Calcite's prepare path (the driver's direct INSERT path).
   */
  public static SqlNode parse(Database db, String sql, Set<String> functionNames) throws SqlParseException {
    SqlParser.Config config = SqlParser.config();
    return SqlParser.create(sql, config.withParserFactory(new EdgeParserFactory(config, db, functionNames)))
        .parseStmt();
  }

  @Override
  public SqlAbstractParserImpl getParser(Reader reader) {
    return new EdgeSqlParser(read(reader), subConfig, StoredNames.of(db, functionNames));
  }

  private static String read(Reader reader) {
    if (reader instanceof SourceStringReader source) {
      return source.getSourceString();
    }
    try {
      StringBuilder sql = new StringBuilder();
      char[] buffer = new char[4096];
      for (int n; (n = reader.read(buffer)) > 0; ) {
        sql.append(buffer, 0, n);
      }
      return sql.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
