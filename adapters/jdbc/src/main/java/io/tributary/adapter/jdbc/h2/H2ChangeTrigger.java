package io.tributary.adapter.jdbc.h2;

import java.sql.Connection;
import org.h2.api.Trigger;

/**
 * What H2 calls for each row written to a followed table; hands the row to the subscription the
 * trigger was created for. Public, with a no-argument constructor, because H2 instantiates it.
 */
public final class H2ChangeTrigger implements Trigger {
  private String name;
  private String table;

  @Override
  public void init(Connection connection, String schema, String trigger, String table, boolean before, int type) {
    this.name = trigger;
    this.table = table;
  }

  @Override
  public void fire(Connection connection, Object[] oldRow, Object[] newRow) {
    H2Subscription.deliver(name, table, oldRow, newRow);
  }
}
