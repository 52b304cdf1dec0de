package io.tributary.gateway.engine.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PostgreSQL's casts and interval literals, written as standard SQL before Calcite parses them. */
class PostgresTextTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "SELECT a / b::numeric | SELECT a / CAST(b AS numeric)",
      "SELECT (a / b)::numeric | SELECT CAST((a / b) AS numeric)",
      "WHERE t < now() AND t::date < d | WHERE t < now() AND CAST(t AS date) < d",
      "SELECT -1::int, 1.5::int | SELECT -CAST(1 AS int), CAST(1.5 AS int)",
      "SELECT f(x, y)::int + s.t.c::int | SELECT CAST(f(x, y) AS int) + CAST(s.t.c AS int)",
      "SELECT \"T\".\"c\"::text | SELECT CAST(\"T\".\"c\" AS text)",
      "SELECT x::text::int | SELECT CAST(CAST(x AS text) AS int)",
      "SELECT '2024-01-01'::date, DATE '2024-01-01'::text | SELECT CAST('2024-01-01' AS date), CAST(DATE '2024-01-01' AS text)",
      "SELECT x::double precision, y::numeric(10, 2) | SELECT CAST(x AS double precision), CAST(y AS numeric(10, 2))",
      "SELECT t::timestamp with time zone, c::character varying(5) | SELECT CAST(t AS timestamp with time zone), CAST(c AS character varying(5))",
      "SELECT CASE WHEN a THEN 1 ELSE 2 END::text | SELECT CAST(CASE WHEN a THEN 1 ELSE 2 END AS text)",
      "SELECT a AND (b)::boolean | SELECT a AND CAST((b) AS boolean)",
      "SELECT arr[1]::int, ?::int | SELECT CAST(arr[1] AS int), CAST(? AS int)",
      "SELECT 'a::b', \"x::y\" -- c::d | SELECT 'a::b', \"x::y\" -- c::d",
      "SELECT t + '3 days'::interval | SELECT t + INTERVAL '3 days'",
  })
  void castsBindToTheOperandBeforeThemAsInPostgresql(String postgres, String standard) {
    assertEquals(standard, InfixCasts.standard(postgres));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "t + interval '3 days' | t + interval '3' DAY",
      "t - INTERVAL '400 d' | t - INTERVAL '400' DAY",
      "t + interval '-2 hours' | t + interval '-2' HOUR",
      "t + interval '2 weeks' | t + interval '14 00:00:00' DAY TO SECOND",
      "t + interval '1 day 2 hours 30 min' | t + interval '1 02:30:00' DAY TO SECOND",
      "t + interval '1 year 2 months' | t + interval '14' MONTH",
      "t + interval '3' day | t + interval '3' day",
      "t + interval '1 month 2 days' | t + interval '1 month 2 days'",
      "SELECT 'interval ''3 days''' | SELECT 'interval ''3 days'''",
  })
  void intervalLiteralsWithTheirUnitInsideAreStandardSql(String postgres, String standard) {
    assertEquals(standard, IntervalLiterals.standard(postgres));
  }
}
