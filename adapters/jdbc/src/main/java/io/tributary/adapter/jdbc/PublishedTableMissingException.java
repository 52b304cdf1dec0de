package io.tributary.adapter.jdbc;

/** A domain publishes a table its store does not have: a configuration or migration mistake. */
public final class PublishedTableMissingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  PublishedTableMissingException(String domain, String source, String namespace) {
    super("domain `" + domain + "` publishes table `" + source + "`, but its store has no such table in `"
        + namespace + "`; fix the domain's `tables` or create the table");
  }
}
