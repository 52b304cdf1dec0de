package io.tributary.gateway.engine;

import java.util.function.Consumer;
import org.apache.calcite.DataContext;
import org.apache.calcite.jdbc.CalcitePrepare.CalciteSignature;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;

/**
 * A planned statement whose rows are counted for the query they run for, as they are produced:
 * each row checks the query was not cancelled and stays within {@code limits.maxResultRows}, the
 * work producing it (the stores' included) runs in the query's scope, and the last row or closing
 * the rows ends the query. The one place every door's rows come out of.
 */
final class TrackedSignature<T> extends CalciteSignature<T> {
  private final CalciteSignature<T> planned;
  private final long maxRows;

  TrackedSignature(CalciteSignature<T> planned, long maxRows) {
    super(planned.sql, planned.parameters, planned.internalParameters, planned.rowType, planned.columns,
        planned.cursorFactory, planned.rootSchema, planned.getCollationList(), -1, null, planned.statementType);
    this.planned = planned;
    this.maxRows = maxRows;
  }

  @Override
  public Enumerable<T> enumerable(DataContext dataContext) {
    Enumerable<T> rows = planned.enumerable(dataContext);
    return QueryRun.current().<Enumerable<T>>map(run -> new AbstractEnumerable<T>() {
      @Override
      public Enumerator<T> enumerator() {
        return new TrackedRows<>(rows.enumerator(), run, maxRows);
      }
    }).orElse(rows);
  }

  /** The rows of one execution. */
  private static final class TrackedRows<T> implements Enumerator<T> {
    private final Enumerator<T> rows;
    private final QueryRun run;
    private final long maxRows;

    TrackedRows(Enumerator<T> rows, QueryRun run, long maxRows) {
      this.rows = rows;
      this.run = run;
      this.maxRows = maxRows;
    }

    @Override
    public T current() {
      return rows.current();
    }

    @Override
    public boolean moveNext() {
      try {
        boolean more = next();
        if (more) {
          run.row(maxRows);
          Consumer<Object> tap = run.tap();
          if (tap != null) {
            tap.accept(rows.current());
          }
        } else {
          run.throwIfCancelled();
          run.finished();
        }
        return more;
      } catch (RuntimeException | Error e) {
        run.raised(e);
        throw e;
      }
    }

    private boolean next() {
      if (run.isCurrent()) {
        return rows.moveNext();
      }
      try (var working = run.enterQuietly()) {
        return rows.moveNext();
      }
    }

    @Override
    public void reset() {
      throw new UnsupportedOperationException("the rows of a query are read once");
    }

    @Override
    public void close() {
      try {
        rows.close();
      } finally {
        run.finished();
      }
    }
  }
}
