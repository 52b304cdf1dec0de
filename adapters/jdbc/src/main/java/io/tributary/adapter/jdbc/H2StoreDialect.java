package io.tributary.adapter.jdbc;

import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.dialect.H2SqlDialect;

/** H2 as the gateway writes to it: standard literals, and {@code LIKE} without H2's default backslash escape. */
final class H2StoreDialect extends H2SqlDialect {
  H2StoreDialect() {
    super(DEFAULT_CONTEXT);
  }

  @Override
  public void unparseCall(SqlWriter writer, SqlCall call, int leftPrec, int rightPrec) {
    super.unparseCall(writer, LikePatterns.asStoreMeansIt(call, LikePatterns.NoEscape.EMPTY_ESCAPE), leftPrec, rightPrec);
  }
}
