package io.tributary.gateway.engine.dialect;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserImplFactory;
import org.apache.calcite.sql.parser.babel.SqlBabelParserImpl;
import org.apache.calcite.util.SourceStringReader;

/**
 * Calcite's lenient (Babel) parser, which reserves only the words PostgreSQL reserves and reads
 * {@code ILIKE} and other PostgreSQL syntax, reading also PostgreSQL's casts
 * ({@link InfixCasts}), its interval literals ({@link IntervalLiterals}) and its spellings of
 * Calcite's functions and types ({@link PostgresRewrites}).
 */
public final class PostgresParser extends SqlBabelParserImpl {
  /** Found by Calcite through the {@code parserFactory} connection property. */
  public static final SqlParserImplFactory FACTORY = reader -> {
    String sql = IntervalLiterals.standard(InfixCasts.standard(read(reader)));
    PostgresParser parser = new PostgresParser(sql);
    parser.setOriginalSql(sql);
    return parser;
  };

  private PostgresParser(String sql) {
    super(new SourceStringReader(sql));
  }

  @Override
  public SqlNode parseSqlStmtEof() throws Exception {
    return super.parseSqlStmtEof().accept(PostgresRewrites.INSTANCE);
  }

  @Override
  public SqlNodeList parseSqlStmtList() throws Exception {
    return (SqlNodeList) super.parseSqlStmtList().accept(PostgresRewrites.INSTANCE);
  }

  @Override
  public SqlNode parseSqlExpressionEof() throws Exception {
    return super.parseSqlExpressionEof().accept(PostgresRewrites.INSTANCE);
  }

  private static String read(Reader reader) {
    if (reader instanceof SourceStringReader source) {
      return source.getSourceString();
    }
    StringBuilder sql = new StringBuilder();
    char[] buffer = new char[4096];
    try {
      for (int n; (n = reader.read(buffer)) > 0; ) {
        sql.append(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sql.toString();
  }
}
