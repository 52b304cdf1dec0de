package io.tributary.gateway.door.flight;

import io.tributary.gateway.dialect.Answers;
import io.tributary.gateway.dialect.DialectMesh;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The Flight SQL door reads the same PostgreSQL SQL as the JDBC door and answers as PostgreSQL does. */
class FlightDialectTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT ref, value, year, month, position, value::int, substr(ref, 1, 3), date_trunc('month', taken_at)"
          + " FROM metrics.readings WHERE sensor ILIKE 'thermo%' ORDER BY id LIMIT 20",
      "SELECT i.name, avg(r.quantity), sum(i.price) / count(*), row_number() OVER (ORDER BY i.name)"
          + " FROM stock.items i JOIN metrics.readings r ON r.ref = i.ref GROUP BY i.name ORDER BY 1",
  })
  void postgresqlSqlAnswersOverFlightAsInPostgresql(String sql) throws SQLException {
    DialectMesh mesh = DialectMesh.get();
    try (Connection flight = ArrowClient.jdbc(mesh.gateway().flightPort());
         Connection reference = DialectMesh.reference()) {
      Answers.assertSame(reference, flight, sql);
    }
  }
}
