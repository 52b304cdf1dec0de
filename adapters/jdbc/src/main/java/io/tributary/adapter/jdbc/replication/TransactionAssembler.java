package io.tributary.adapter.jdbc.replication;

import io.tributary.adapter.spi.ChangeBatch;
import io.tributary.adapter.spi.ChangePosition;
import io.tributary.adapter.spi.RowChange;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.postgresql.replication.LogSequenceNumber;

/**
 * Gathers the {@code pgoutput} messages of one transaction into what its follower is told at the
 * commit: a batch of row changes, or that changes were lost (a truncate, a value the stream left out).
 * Keeps the relations the stream described, which a session sends once before first use.
 */
final class TransactionAssembler {
  /** PostgreSQL's epoch, 2000-01-01T00:00:00Z, in seconds since the Unix epoch. */
  private static final long POSTGRES_EPOCH_SECONDS = 946_684_800L;

  /** What a committed transaction means for the follower. */
  sealed interface Outcome {}

  record Committed(ChangeBatch batch) implements Outcome {}

  /** The follower must rebuild: {@code position} is the transaction's commit. */
  record Lost(ChangePosition position, String why) implements Outcome {}

  private final Map<String, String> followed;
  private final Map<Integer, PgOutputMessage.Relation> relations = new HashMap<>();
  private final List<RowChange> changes = new ArrayList<>();
  private final List<String> lostBecause = new ArrayList<>();
  private boolean inTransaction;

  /** @param followed the store's name of each followed table by {@code namespace.name} */
  TransactionAssembler(Map<String, String> followed) {
    this.followed = Map.copyOf(followed);
  }

  /** Whether a transaction has begun and not yet committed. */
  boolean inTransaction() {
    return inTransaction;
  }

  /** Takes the next message; at a commit, what the follower is told (if the transaction touched what it follows). */
  Optional<Outcome> accept(PgOutputMessage message) {
    if (message instanceof PgOutputMessage.Begin) {
      changes.clear();
      lostBecause.clear();
      inTransaction = true;
    } else if (message instanceof PgOutputMessage.Relation relation) {
      relations.put(relation.oid(), relation);
    } else if (message instanceof PgOutputMessage.Insert insert) {
      followed(insert.relationOid()).ifPresent(relation ->
          add(relation, RowChange.Kind.INSERT, null, insert.row(), (char) 0));
    } else if (message instanceof PgOutputMessage.Update update) {
      followed(update.relationOid()).ifPresent(relation ->
          add(relation, RowChange.Kind.UPDATE, update.old(), update.row(), update.oldKind()));
    } else if (message instanceof PgOutputMessage.Delete delete) {
      followed(delete.relationOid()).ifPresent(relation ->
          add(relation, RowChange.Kind.DELETE, delete.old(), null, delete.oldKind()));
    } else if (message instanceof PgOutputMessage.Truncate truncate) {
      for (int oid : truncate.relationOids()) {
        followed(oid).ifPresent(relation -> lostBecause.add("table `" + storeName(relation) + "` was truncated"));
      }
    } else if (message instanceof PgOutputMessage.Commit commit) {
      inTransaction = false;
      return outcome(commit);
    }
    return Optional.empty();
  }

  /** Forgets a transaction cut off by a lost connection, and the relations of that session. */
  void reset() {
    relations.clear();
    changes.clear();
    lostBecause.clear();
    inTransaction = false;
  }

  private Optional<Outcome> outcome(PgOutputMessage.Commit commit) {
    if (changes.isEmpty() && lostBecause.isEmpty()) {
      return Optional.empty();
    }
    Instant committedAt = Instant.ofEpochSecond(POSTGRES_EPOCH_SECONDS).plus(commit.commitMicros(), ChronoUnit.MICROS);
    // The end of the commit record: resuming there is resuming after this transaction.
    ChangePosition position = new ChangePosition(LogSequenceNumber.valueOf(commit.endLsn()).asString(),
        commit.endLsn(), committedAt, Instant.now());
    Outcome outcome = lostBecause.isEmpty()
        ? new Committed(new ChangeBatch(position, changes))
        : new Lost(position, String.join("; ", lostBecause));
    changes.clear();
    lostBecause.clear();
    return Optional.of(outcome);
  }

  /** The relation, if it is a followed table; the publication sends no others, but may have more than this follower's. */
  private Optional<PgOutputMessage.Relation> followed(int relationOid) {
    PgOutputMessage.Relation relation = relations.get(relationOid);
    if (relation == null) {
      throw new IllegalStateException("pgoutput sent a change of relation " + relationOid + " before describing it");
    }
    return storeName(relation) == null ? Optional.empty() : Optional.of(relation);
  }

  private String storeName(PgOutputMessage.Relation relation) {
    return followed.get(relation.namespace() + "." + relation.name());
  }

  private void add(PgOutputMessage.Relation relation, RowChange.Kind kind, PgOutputMessage.Tuple old,
      PgOutputMessage.Tuple row, char oldKind) {
    String table = storeName(relation);
    Object[] before = old == null ? null : values(relation, old, null);
    Object[] after = row == null ? null : values(relation, row, oldKind == 'O' ? old : null);
    boolean keyOnly = false;
    if (kind == RowChange.Kind.UPDATE && old == null) {
      // The key did not change, so PostgreSQL sent no old tuple: the old row's key is the new row's.
      before = keyOf(relation, after);
      keyOnly = true;
    } else if (oldKind == 'K') {
      keyOnly = true;
    }
    if (row != null && row.hasUnchangedToast() && oldKind != 'O') {
      lostBecause.add("an update of `" + table + "` left a large (TOASTed) value out of the change stream;"
          + " with REPLICA IDENTITY FULL on the table it would be sent");
      return;
    }
    changes.add(new RowChange(table, kind, before, after, keyOnly));
  }

  private static Object[] values(PgOutputMessage.Relation relation, PgOutputMessage.Tuple tuple,
      PgOutputMessage.Tuple fallback) {
    Object[] values = new Object[relation.columns().size()];
    for (int i = 0; i < values.length; i++) {
      PgOutputMessage.Tuple from = tuple.kinds()[i] == 'u' && fallback != null ? fallback : tuple;
      if (from.kinds()[i] == 't') {
        values[i] = TextValues.of(relation.columns().get(i).typeOid(), from.texts()[i]);
      }
    }
    return values;
  }

  private static Object[] keyOf(PgOutputMessage.Relation relation, Object[] row) {
    Object[] key = new Object[row.length];
    for (int i = 0; i < row.length; i++) {
      if (relation.columns().get(i).key()) {
        key[i] = row[i];
      }
    }
    return key;
  }
}
