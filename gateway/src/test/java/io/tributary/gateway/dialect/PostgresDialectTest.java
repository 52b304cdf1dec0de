package io.tributary.gateway.dialect;

import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The PostgreSQL SQL analysts and BI tools write, through the Tributary JDBC driver over a
 * PostgreSQL domain (`metrics`) and a MariaDB domain (`stock`): each statement answers what
 * PostgreSQL answers for the same text over one database holding both tables.
 */
class PostgresDialectTest extends ComparedWithPostgresql {
  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT id, ref, value, year, month, position FROM metrics.readings ORDER BY id LIMIT 25",
      "SELECT id, ref, value, year, month, position FROM stock.items ORDER BY id LIMIT 25",
      "SELECT i.ref, i.value, r.value, i.year, r.month, i.position FROM stock.items i"
          + " JOIN metrics.readings r ON r.ref = i.ref WHERE i.position < 5 ORDER BY r.id",
      "SELECT year, month, count(*) AS value, sum(value) AS ref FROM metrics.readings GROUP BY year, month"
          + " ORDER BY year, month",
      "SELECT \"value\", VALUE, Year, \"position\" FROM stock.items WHERE Position > 8 ORDER BY ID",
  })
  void wordsPostgresqlDoesNotReserveAreNames(String sql) throws SQLException {
    answersAsPostgresql(sql);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT substr(ref, 1, 3) AS prefix, substring(name from 2 for 3) AS part, count(*) FROM stock.items"
          + " GROUP BY 1, 2 ORDER BY 1, 2",
      "SELECT count(*), count(*) FILTER (WHERE taken_at < now() AND taken_at::date < current_date)"
          + " FROM metrics.readings",
      "SELECT date_trunc('month', taken_at) AS m, count(*), sum(value) FROM metrics.readings GROUP BY 1 ORDER BY 1",
      "SELECT date_trunc('week', added_on::timestamp) AS w, date_trunc('quarter', added_on::timestamp),"
          + " count(*) FROM stock.items GROUP BY 1, 2 ORDER BY 1",
      "SELECT extract(year from taken_at), extract(month from taken_at), extract(dow from taken_at),"
          + " extract(isodow from taken_at), extract(quarter from taken_at), count(*) FROM metrics.readings"
          + " GROUP BY 1, 2, 3, 4, 5 ORDER BY 1, 2, 3, 4, 5",
      "SELECT extract(dow from added_on) AS dow, extract(doy from added_on), count(*) FROM stock.items"
          + " GROUP BY 1, 2 ORDER BY 1, 2",
      "SELECT to_char(taken_at, 'YYYY-MM'), date_part('year', taken_at), date_part('dow', taken_at)"
          + " FROM metrics.readings ORDER BY id LIMIT 20",
      "SELECT value::int, value::numeric(10, 1), ref::text, qty::float8, qty::bigint, '7'::int + qty,"
          + " added_on::timestamp, qty::numeric / 7 FROM stock.items ORDER BY id LIMIT 30",
      "SELECT count(*) FROM metrics.readings WHERE sensor ILIKE 'thermo%' AND ref NOT ILIKE 'r-1%'",
      "SELECT count(*) FROM stock.items WHERE name ILIKE '%bolt%' OR name NOT ILIKE 'h%'",
      "SELECT sensor, string_agg(ref, ',' ORDER BY ref) FROM metrics.readings WHERE id <= 60 GROUP BY sensor"
          + " ORDER BY sensor",
      "SELECT coalesce(sensor, 'none'), greatest(value, quantity, 0), least(value, quantity)"
          + " FROM metrics.readings ORDER BY id LIMIT 40",
      "SELECT id, taken_at + interval '1 day', taken_at - interval '3 hours', taken_at + interval '1 day 2 hours',"
          + " taken_at - interval '400 days', taken_at + interval '2 weeks', taken_at + interval '1 year 2 months',"
          + " taken_at + INTERVAL '90' DAY, taken_at - '36 hours'::interval FROM metrics.readings ORDER BY id LIMIT 20",
      "SELECT count(*) FROM metrics.readings WHERE taken_at >= timestamp '2024-06-30' - interval '6 months'",
      "SELECT count(*) FILTER (WHERE ok), count(*) FILTER (WHERE value > 0),"
          + " sum(quantity) FILTER (WHERE sensor ILIKE 'hygro%') FROM metrics.readings",
      "SELECT name, count(*) FILTER (WHERE qty > 250), max(price) FILTER (WHERE position IS NOT NULL)"
          + " FROM stock.items GROUP BY name ORDER BY name",
      "SELECT position('o' in name), length(name), upper(name), lower(name), trim(both ' ' from '  x  '),"
          + " replace(name, 'o', '0'), split_part(name, ' ', 1), concat(name, '-', ref), left(name, 2),"
          + " right(name, 2), lpad(ref, 8, '*'), name || '/' || ref FROM stock.items ORDER BY id LIMIT 30",
      "SELECT count(*) FROM stock.items WHERE name || '!' = 'Bolt A!'",
      "SELECT round(value, 1), trunc(value), trunc(value, 1), abs(value), power(qty, 2), sqrt(qty), ceil(value),"
          + " floor(value), mod(qty, 7), qty % 7, qty / 4 FROM stock.items ORDER BY id LIMIT 30",
      "SELECT count(*) FROM stock.items WHERE qty / 4 = 3",
      "SELECT bool_and(ok), bool_or(ok), count(DISTINCT sensor), count(DISTINCT year) FROM metrics.readings",
      "SELECT year, bool_and(qty > 0), bool_or(qty > 400), every(position IS NOT NULL), string_agg(ref, ';' ORDER BY id)"
          + " FROM stock.items GROUP BY year ORDER BY year",
      "SELECT count(*) FROM metrics.readings WHERE sensor IS DISTINCT FROM 'Thermo North' AND sensor != 'Baro Central'",
      "SELECT CASE WHEN qty > 250 THEN 'big' ELSE 'small' END AS size, count(*) FROM stock.items GROUP BY 1 ORDER BY 1",
      "SELECT sensor AS s, count(*) AS n FROM metrics.readings GROUP BY s HAVING count(*) > 100 ORDER BY n DESC, s",
  })
  void postgresqlFunctionsAndOperatorsAnswerAsInPostgresql(String sql) throws SQLException {
    answersAsPostgresql(sql);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT id, ROW_NUMBER() OVER (ORDER BY id) FROM stock.items ORDER BY id",
      "SELECT id, ROW_NUMBER() OVER (ORDER BY id) FROM metrics.readings ORDER BY id",
      "SELECT id, rank() OVER (PARTITION BY year ORDER BY value DESC), lag(value) OVER (ORDER BY id),"
          + " sum(value) OVER (PARTITION BY sensor ORDER BY id), avg(value) OVER (PARTITION BY sensor)"
          + " FROM metrics.readings ORDER BY id",
      "SELECT id, rank() OVER (ORDER BY value), dense_rank() OVER (PARTITION BY name ORDER BY value DESC),"
          + " sum(qty) OVER (PARTITION BY year) FROM stock.items ORDER BY id",
      "SELECT i.name, r.id, row_number() OVER (PARTITION BY i.name ORDER BY r.taken_at, r.id)"
          + " FROM stock.items i JOIN metrics.readings r ON r.ref = i.ref ORDER BY 1, 2",
  })
  void windowFunctionsOverStoreTablesAnswerAsInPostgresql(String sql) throws SQLException {
    answersAsPostgresql(sql);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "WITH totals AS (SELECT ref, sum(value) AS value FROM metrics.readings GROUP BY ref)"
          + " SELECT i.name, sum(t.value) FROM totals t JOIN stock.items i ON i.ref = t.ref GROUP BY i.name ORDER BY 1",
      "SELECT ref FROM metrics.readings UNION SELECT ref FROM stock.items ORDER BY 1",
      "SELECT ref, year FROM metrics.readings EXCEPT SELECT ref, year FROM stock.items ORDER BY 1, 2",
      "SELECT ref FROM metrics.readings INTERSECT SELECT ref FROM stock.items ORDER BY 1",
      "SELECT 'readings' AS source, count(*) FROM metrics.readings UNION ALL SELECT 'items', count(*)"
          + " FROM stock.items ORDER BY 1",
      "SELECT count(*) FROM stock.items i WHERE EXISTS (SELECT 1 FROM metrics.readings r WHERE r.ref = i.ref AND r.ok)",
      "SELECT count(*) FROM stock.items WHERE ref IN (SELECT ref FROM metrics.readings WHERE value > 100)",
      "SELECT count(*) FROM stock.items WHERE ref NOT IN (SELECT ref FROM metrics.readings WHERE value > 100)",
      "SELECT count(*), sum(qty) FROM stock.items WHERE position NOT IN (SELECT position FROM metrics.readings"
          + " WHERE id < 50 AND position IS NOT NULL)",
      "SELECT name, (SELECT max(value) FROM metrics.readings r WHERE r.ref = i.ref) FROM stock.items i ORDER BY i.id",
      "SELECT i.name, r.n FROM stock.items i, LATERAL (SELECT count(*) AS n FROM metrics.readings r"
          + " WHERE r.ref = i.ref) r ORDER BY i.id",
      "SELECT r.id, i.id FROM metrics.readings r FULL JOIN stock.items i ON i.ref = r.ref ORDER BY r.id, i.id",
      "SELECT year, month, count(*) FROM stock.items GROUP BY ROLLUP(year, month) ORDER BY year, month",
      "SELECT value, id FROM metrics.readings ORDER BY value, id LIMIT 40",
      "SELECT value, id FROM stock.items ORDER BY value DESC, id LIMIT 40 OFFSET 2",
      "SELECT id FROM stock.items ORDER BY id OFFSET 5 ROWS FETCH FIRST 3 ROWS ONLY",
      "SELECT * FROM (VALUES (1, 'a'), (2, 'bc')) AS v(n, s) ORDER BY n",
  })
  void queriesAcrossStoresAnswerAsInPostgresql(String sql) throws SQLException {
    answersAsPostgresql(sql);
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "SELECT avg(value), avg(quantity), avg(year), sum(value) / count(value), avg(value / 3), avg(position)"
          + " FROM metrics.readings",
      "SELECT name, avg(price), sum(price) / sum(qty), avg(qty), 100.00 * sum(price) / sum(value)"
          + " FROM stock.items GROUP BY name ORDER BY name",
      "SELECT i.name, avg(r.quantity), sum(i.price * r.quantity) / sum(r.quantity), avg(i.qty)"
          + " FROM stock.items i JOIN metrics.readings r ON r.ref = i.ref GROUP BY i.name ORDER BY 1",
      "SELECT 1.00 / 3, 7.0 / 2, 10 / 4, 2 / 3::numeric, 1 / 8.0, -7 / 2, 7 % 3, round(2.5), round(-2.5),"
          + " round(2.345, 2), CAST(2.5 AS INTEGER), 2.5::int, CAST(2.345 AS NUMERIC(5, 2))",
      "SELECT id, price / qty, price / 7, value / price FROM stock.items WHERE qty > 0 ORDER BY id LIMIT 30",
  })
  void decimalAveragesAndQuotientsKeepPostgresqlsScale(String sql) throws SQLException {
    answersAsPostgresql(sql);
  }
}
