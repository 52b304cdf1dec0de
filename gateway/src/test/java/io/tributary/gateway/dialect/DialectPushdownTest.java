package io.tributary.gateway.dialect;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.gateway.PushedDownSql;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL's functions in filters and projections run inside the store when it computes them
 * as PostgreSQL does, and in the gateway otherwise; the answer is PostgreSQL's either way.
 */
class DialectPushdownTest extends ComparedWithPostgresql {
  private static final String READINGS = "\"public\".\"readings\"";
  private static final String ITEMS = "`tributary_it_dialect_stock`.`items`";

  @Test
  void postgresqlFunctionsInAFilterRunInsideThePostgresqlStore() throws SQLException {
    String sql = "SELECT count(*), sum(value) FROM metrics.readings WHERE sensor ILIKE 'thermo%'"
        + " AND substr(ref, 1, 3) = 'R-1' AND date_trunc('month', taken_at) >= timestamp '2023-01-01'"
        + " AND extract(dow from taken_at) BETWEEN 1 AND 5";
    try (PushedDownSql sent = new PushedDownSql()) {
      answersAsPostgresql(sql);

      String toPostgres = sent.to(READINGS);
      assertTrue(toPostgres.contains("ILIKE 'thermo%'") && toPostgres.contains("SUBSTRING(\"ref\", 1, 3)")
          && toPostgres.contains("DATE_TRUNC('MONTH'") && toPostgres.contains("EXTRACT(DOW FROM"),
          toPostgres);
      assertTrue(toPostgres.contains("SUM(\"value\")"), "the aggregate runs there too: " + toPostgres);
    }
  }

  @Test
  void functionsMariadbReadsOtherwiseRunInTheGatewayAndAnswerAsPostgresql() throws SQLException {
    String sql = "SELECT count(*), sum(qty) FROM stock.items WHERE name ILIKE 'bolt%' AND name || '!' <> 'Bolt A!'"
        + " AND qty / 4 > 10 AND ref = 'R-13' AND qty >= 0";
    try (PushedDownSql sent = new PushedDownSql()) {
      answersAsPostgresql(sql);

      String toMariadb = sent.to(ITEMS);
      assertFalse(toMariadb.contains("ILIKE") || toMariadb.contains("||") || toMariadb.contains("/"), toMariadb);
      assertTrue(toMariadb.contains("`qty` >= 0"), "what MariaDB reads as PostgreSQL does still runs there: " + toMariadb);
    }
  }

  @Test
  void windowFunctionsRunInsideThePostgresqlStoreAndInTheGatewayOverMariadb() throws SQLException {
    try (PushedDownSql sent = new PushedDownSql()) {
      answersAsPostgresql("SELECT id, rank() OVER (PARTITION BY year ORDER BY value DESC),"
          + " sum(value) OVER (PARTITION BY sensor ORDER BY id) FROM metrics.readings ORDER BY id");
      assertTrue(sent.to(READINGS).contains("RANK() OVER (PARTITION BY \"year\" ORDER BY \"value\" DESC)"),
          sent.to(READINGS));
    }
    try (PushedDownSql sent = new PushedDownSql()) {
      // MariaDB would order NULL values first in the window, PostgreSQL last.
      answersAsPostgresql("SELECT id, rank() OVER (ORDER BY value) FROM stock.items ORDER BY id");
      assertFalse(sent.to(ITEMS).contains("OVER"), sent.to(ITEMS));
    }
  }

  @Test
  void decimalQuotientsRunInsideThePostgresqlStoreWithPostgresqlsDigits() throws SQLException {
    String sql = "SELECT sensor, avg(quantity), sum(value) / sum(quantity) FROM metrics.readings GROUP BY sensor ORDER BY 1";
    try (PushedDownSql sent = new PushedDownSql()) {
      answersAsPostgresql(sql);

      String toPostgres = sent.to(READINGS);
      assertTrue(toPostgres.matches("(?s).*SUM\\(\"quantity\"\\).* / .*COUNT\\(\\*\\).*")
          && toPostgres.contains("END / COALESCE(SUM(\"quantity\"), 0)"), toPostgres);
    }
  }

  @Test
  void theClockIsTheGatewaysNotTheStores() throws SQLException {
    try (PushedDownSql sent = new PushedDownSql()) {
      answersAsPostgresql("SELECT count(*) FROM metrics.readings WHERE taken_at < now() AND id = 17 AND ok");

      String toPostgres = sent.to(READINGS);
      assertFalse(toPostgres.contains("CURRENT_TIMESTAMP"), toPostgres);
      assertTrue(toPostgres.contains("\"id\" = 17"), toPostgres);
    }
  }
}
