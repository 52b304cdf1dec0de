package io.tributary.bench.tpch;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.postgresql.PGConnection;

/**
 * Fills a {@link TpchStore} with generated TPC-H data, once per scale: a store whose marker table
 * lists all its tables with their present definitions was loaded completely before (the marker is
 * written last) and is left as it is. Otherwise the database is recreated, each table bulk-loaded ({@code COPY} on PostgreSQL,
 * {@code LOAD DATA LOCAL INFILE} on MariaDB), indexed and analysed.
 */
final class TpchLoader {
  private static final String MARKER = "tpch_loaded";

  private final double scale;

  TpchLoader(double scale) {
    this.scale = scale;
  }

  void ensureLoaded(TpchStore store) throws SQLException, IOException {
    if (isLoaded(store)) {
      System.out.printf("%s: TPC-H SF %s already loaded%n", store.database(), scale);
      return;
    }
    store.server().createDatabase(store.database());
    try (Connection connection = store.connect(); Statement statement = connection.createStatement()) {
      for (TableLayout table : store.tables()) {
        long start = System.nanoTime();
        statement.execute(table.createTable());
        long rows = load(connection, store, table);
        for (String index : table.createIndexes()) {
          statement.execute(index);
        }
        statement.execute(analyze(store, table));
        System.out.printf("%s: %s loaded, %,d rows in %.1f s%n", store.database(), table.tableName(), rows,
            (System.nanoTime() - start) / 1e9);
      }
      markLoaded(connection, store);
    }
  }

  private long load(Connection connection, TpchStore store, TableLayout table) throws SQLException, IOException {
    GeneratedLines lines = new GeneratedLines(table.generator(), scale);
    if (store.isPostgres()) {
      connection.unwrap(PGConnection.class).getCopyAPI()
          .copyIn("COPY " + table.tableName() + " FROM STDIN WITH (DELIMITER '|')", lines);
    } else {
      try (Statement statement = connection.createStatement()) {
        statement.unwrap(org.mariadb.jdbc.Statement.class).setLocalInfileInputStream(lines);
        statement.execute("LOAD DATA LOCAL INFILE 'generated' INTO TABLE " + table.tableName()
            + " FIELDS TERMINATED BY '|'");
      }
    }
    return lines.rows();
  }

  /** Statistics as the planners of both stores use them; on MariaDB with histograms. */
  private static String analyze(TpchStore store, TableLayout table) {
    // VACUUM also sets PostgreSQL's visibility map, without which index-only scans visit the heap.
    return store.isPostgres()
        ? "VACUUM ANALYZE " + table.tableName()
        : "ANALYZE TABLE " + table.tableName() + " PERSISTENT FOR ALL";
  }

  private static void markLoaded(Connection connection, TpchStore store) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE " + MARKER + " (table_name VARCHAR(20) PRIMARY KEY, definition TEXT NOT NULL)");
    }
    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + MARKER + " VALUES (?, ?)")) {
      for (TableLayout table : store.tables()) {
        insert.setString(1, table.tableName());
        insert.setString(2, table.definition());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static boolean isLoaded(TpchStore store) {
    Map<String, String> expected = store.tables().stream()
        .collect(Collectors.toMap(TableLayout::tableName, TableLayout::definition));
    try (Connection connection = store.connect();
         Statement statement = connection.createStatement();
         ResultSet marked = statement.executeQuery("SELECT table_name, definition FROM " + MARKER)) {
      Map<String, String> loaded = new HashMap<>();
      while (marked.next()) {
        loaded.put(marked.getString(1), marked.getString(2));
      }
      return loaded.equals(expected);
    } catch (SQLException noDatabaseOrNoMarker) {
      return false;
    }
  }
}
