package io.tributary.gateway.engine;

import io.tributary.adapter.spi.DomainQueryException;
import io.tributary.adapter.spi.DomainUnavailableException;
import io.tributary.catalog.Domain;
import io.tributary.gateway.product.ProductException;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;

/**
 * Turns what Calcite, the adapters and the stores throw into one error a user can act on:
 * which name is unknown and what is near it, which domain is down, where the syntax breaks.
 */
final class QueryErrors {
  private static final Pattern NOT_FOUND_WITHIN = Pattern.compile("Object '([^']+)' not found within '([^']+)'");
  private static final Pattern NOT_FOUND = Pattern.compile("(?:Object|Table) '([^']+)' not found");
  private static final Pattern COLUMN_NOT_FOUND = Pattern.compile("Column '([^']+)' not found in (?:any table|table '[^']+')");
  private static final Pattern POSITION = Pattern.compile("From line (\\d+), column (\\d+) to line \\d+, column \\d+: ");

  private final Namespace namespace;

  QueryErrors(Namespace namespace) {
    this.namespace = namespace;
  }

  QueryException translate(Throwable failure, String sql) {
    Optional<QueryException> already = find(failure, QueryException.class);
    if (already.isPresent()) {
      return already.get();
    }
    Optional<QueryAbortedException> aborted = find(failure, QueryAbortedException.class);
    if (aborted.isPresent()) {
      return new QueryException(aborted.get().getMessage(), aborted.get().sqlState(), failure);
    }
    Optional<ReadOnlyException> write = find(failure, ReadOnlyException.class);
    if (write.isPresent()) {
      return new QueryException(write.get().getMessage(), QueryException.READ_ONLY, failure);
    }
    Optional<DomainUnavailableException> down = find(failure, DomainUnavailableException.class);
    if (down.isPresent()) {
      return new QueryException(down.get().getMessage(), QueryException.STORE_UNAVAILABLE, failure);
    }
    Optional<DomainQueryException> refused = find(failure, DomainQueryException.class);
    if (refused.isPresent()) {
      return new QueryException(refused.get().getMessage(), refused.get().sqlState(), failure);
    }
    Optional<ProductException> product = find(failure, ProductException.class);
    if (product.isPresent()) {
      return new QueryException(product.get().getMessage(), product.get().sqlState(), failure);
    }
    Optional<SqlParseException> parse = find(failure, SqlParseException.class);
    if (parse.isPresent()) {
      SqlParseException e = parse.get();
      String at = e.getPos() == null ? "" : " (line " + e.getPos().getLineNum() + ", column " + e.getPos().getColumnNum() + ")";
      return new QueryException("Syntax error: " + firstLine(e.getMessage()) + at, QueryException.SYNTAX_ERROR, failure);
    }
    Optional<CalciteContextException> validation = find(failure, CalciteContextException.class);
    if (validation.isPresent()) {
      return validationError(validation.get(), sql);
    }
    Optional<QueryException> runtime = RuntimeErrors.translate(failure);
    if (runtime.isPresent()) {
      return runtime.get();
    }
    Optional<RuntimeException> adapter = find(failure, RuntimeException.class)
        .filter(e -> e.getClass().getPackageName().startsWith("io.tributary"));
    if (adapter.isPresent()) {
      return new QueryException(adapter.get().getMessage(), QueryException.INVALID_QUERY, failure);
    }
    Optional<SQLException> store = find(failure, SQLException.class).filter(e -> e.getSQLState() != null);
    if (store.isPresent()) {
      return new QueryException(innermostMessage(store.get()), store.get().getSQLState(), failure);
    }
    return new QueryException("internal error: " + innermostMessage(failure), QueryException.INTERNAL, failure);
  }

  private QueryException validationError(CalciteContextException e, String sql) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    Matcher position = POSITION.matcher(message);
    String at = "";
    if (position.find()) {
      at = " (line " + position.group(1) + ", column " + position.group(2) + ")";
      message = message.substring(position.end());
    }
    Matcher m = NOT_FOUND_WITHIN.matcher(message);
    if (m.find()) {
      return new QueryException(unpublished(m.group(2), m.group(1)) + at, QueryException.UNDEFINED_TABLE, e);
    }
    m = COLUMN_NOT_FOUND.matcher(message);
    if (m.find()) {
      return new QueryException(firstClause(message) + Suggestions.didYouMean(m.group(1), namespace.columnsOfTablesIn(sql)) + at,
          QueryException.UNDEFINED_COLUMN, e);
    }
    m = NOT_FOUND.matcher(message);
    if (m.find()) {
      return new QueryException(unknownName(m.group(1), sql) + at, QueryException.UNDEFINED_TABLE, e);
    }
    return new QueryException(message + at, QueryException.INVALID_QUERY, e);
  }

  /** A table the domain does not publish: it may exist in the store, but that is not ours to say. */
  private String unpublished(String domainName, String table) {
    Optional<Domain> domain = namespace.domain(domainName);
    if (domain.isEmpty()) {
      return "Table `" + domainName + "." + table + "` not found";
    }
    Domain d = domain.get();
    List<String> served = namespace.tables(d);
    return "Table `" + table + "` is not published by domain `" + d.name() + "` (owner: " + d.owner().team()
        + ")" + Suggestions.didYouMean(table, served) + " Published tables: " + String.join(", ", served);
  }

  /** An unqualified table, or an unknown domain in {@code domain.table}. */
  private String unknownName(String name, String sql) {
    boolean usedAsDomain = Pattern.compile("\"?" + Pattern.quote(name) + "\"?\\s*\\.", Pattern.CASE_INSENSITIVE)
        .matcher(sql).find();
    if (usedAsDomain) {
      return "No domain `" + name + "`" + Suggestions.didYouMean(name, namespace.domains())
          + " Domains: " + String.join(", ", namespace.domains());
    }
    List<String> tables = namespace.qualifiedTables();
    return "Table `" + name + "` not found; tables are named <domain>.<table>"
        + Suggestions.didYouMean(name, tables);
  }

  /** The first {@code type} among {@code failure}'s causes, or among what they suppressed (Calcite adds the real cause of a failed implementation as suppressed). */
  static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return Optional.of(type.cast(t));
      }
      for (Throwable suppressed : t.getSuppressed()) {
        Optional<T> found = find(suppressed, type);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  static String innermostMessage(Throwable failure) {
    String message = failure.toString();
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t.getMessage() != null) {
        message = t.getMessage();
      }
    }
    return message;
  }

  private static String firstLine(String message) {
    int newline = message.indexOf('\n');
    return (newline < 0 ? message : message.substring(0, newline)).trim();
  }

  private static String firstClause(String message) {
    int semicolon = message.indexOf(';');
    return semicolon < 0 ? message : message.substring(0, semicolon);
  }
}
