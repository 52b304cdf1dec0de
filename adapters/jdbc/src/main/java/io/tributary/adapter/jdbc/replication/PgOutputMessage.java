package io.tributary.adapter.jdbc.replication;

import java.util.List;

/**
 * The messages of PostgreSQL's {@code pgoutput} plugin (protocol version 1) a change feed acts on.
 * LSNs are PostgreSQL's 64-bit WAL positions; times are microseconds since 2000-01-01 UTC, as sent.
 */
sealed interface PgOutputMessage {

  /** A transaction starts; {@code finalLsn} is where its commit record is. */
  record Begin(long finalLsn, long commitMicros, int xid) implements PgOutputMessage {}

  /** The transaction committed; {@code endLsn} is just past its commit record: resuming there skips it. */
  record Commit(long commitLsn, long endLsn, long commitMicros) implements PgOutputMessage {}

  /** A table's columns, in the order its tuples list them; sent before its first change in a session. */
  record Relation(int oid, String namespace, String name, List<Column> columns) implements PgOutputMessage {}

  /** A column of a {@link Relation}; {@code key} when it is part of the table's replica identity. */
  record Column(String name, int typeOid, boolean key) {}

  record Insert(int relationOid, Tuple row) implements PgOutputMessage {}

  /**
   * @param oldKind {@code 'K'} when {@code old} holds only the key, {@code 'O'} when the whole old row
   *     (REPLICA IDENTITY FULL), {@code 0} when there is no old tuple (the key did not change)
   */
  record Update(int relationOid, char oldKind, Tuple old, Tuple row) implements PgOutputMessage {}

  /** @param oldKind {@code 'K'} or {@code 'O'} as for {@link Update} */
  record Delete(int relationOid, char oldKind, Tuple old) implements PgOutputMessage {}

  record Truncate(List<Integer> relationOids) implements PgOutputMessage {}

  /** Origin, Type, logical messages and anything newer: nothing a follower needs. */
  record Ignored(char type) implements PgOutputMessage {}

  /**
   * A row's values in text form, one per column of its relation.
   *
   * @param kinds per column {@code 't'} (text), {@code 'n'} (null) or {@code 'u'} (an unchanged TOASTed
   *     value the message leaves out)
   * @param texts the text of each {@code 't'} column, else null
   */
  record Tuple(char[] kinds, String[] texts) {
    boolean hasUnchangedToast() {
      for (char kind : kinds) {
        if (kind == 'u') {
          return true;
        }
      }
      return false;
    }
  }
}
