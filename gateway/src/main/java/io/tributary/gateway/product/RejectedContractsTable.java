package io.tributary.gateway.product;

import static org.apache.calcite.sql.type.SqlTypeName.TIMESTAMP;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;

import io.tributary.adapter.spi.StatusTable;
import io.tributary.adapter.spi.StatusTable.Column;
import io.tributary.catalog.feed.Rejections;
import java.util.List;

/**
 * {@code tributary.rejected_contracts}: the latest contracts the feeds refused, where each came
 * from and why: the list {@code GET /api/catalog/rejections} serves, for those who look in SQL.
 * It is as bounded as {@link Rejections}; older refusals are only in the log. A refused contract
 * may not have been readable at all, so its access level is unknown and nothing is left out.
 */
public final class RejectedContractsTable {
  private static final List<Column> COLUMNS = List.of(new Column("origin", VARCHAR),
      new Column("rejected_at", TIMESTAMP), new Column("message", VARCHAR));

  private RejectedContractsTable() {}

  /** The table over the feeds' refusals, read fresh on every query, oldest first. */
  public static StatusTable of(Rejections rejections) {
    return new StatusTable("rejected_contracts", COLUMNS, () -> rejections.latest().stream()
        .map(r -> new Object[] {r.origin(), r.at().toEpochMilli(), r.message()}).toList());
  }
}
