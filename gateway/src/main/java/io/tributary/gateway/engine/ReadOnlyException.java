package io.tributary.gateway.engine;

import java.util.Locale;
import org.apache.calcite.sql.SqlKind;

/** A statement that would change data or definitions: the gateway only reads (SQLSTATE 25006). */
final class ReadOnlyException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ReadOnlyException(SqlKind kind) {
    super("cannot execute " + kind.sql.toUpperCase(Locale.ROOT).replace('_', ' ')
        + ": the gateway is read-only; change data in the domain's own store", null, false, false);
  }
}
