package io.tributary.testkit;

/**
 * What differs between the database servers the tests use. Everything else about a server lives
 * once, in {@link DatabaseServer}.
 */
public enum DatabaseEngine {

  // FORCE terminates sessions still connected (PostgreSQL 13+); without it the drop fails
  // whenever a previous test left a connection open.
  POSTGRESQL("PostgreSQL", "jdbc:postgresql", "postgres",
      "DROP DATABASE IF EXISTS \"%s\" WITH (FORCE)", "CREATE DATABASE \"%s\""),
  // MariaDB needs no database to connect to, and drops a database under idle sessions.
  MARIADB("MariaDB", "jdbc:mariadb", "",
      "DROP DATABASE IF EXISTS `%s`", "CREATE DATABASE `%s`");

  private final String displayName;
  private final String urlScheme;
  private final String maintenanceDatabase;
  private final String dropTemplate;
  private final String createTemplate;

  DatabaseEngine(String displayName, String urlScheme, String maintenanceDatabase,
      String dropTemplate, String createTemplate) {
    this.displayName = displayName;
    this.urlScheme = urlScheme;
    this.maintenanceDatabase = maintenanceDatabase;
    this.dropTemplate = dropTemplate;
    this.createTemplate = createTemplate;
  }

  public String displayName() {
    return displayName;
  }

  String jdbcUrl(String host, int port, String database) {
    return urlScheme + "://" + host + ":" + port + "/" + database;
  }

  /** The database to connect to when creating or dropping another one. */
  String maintenanceDatabase() {
    return maintenanceDatabase;
  }

  String dropDatabase(String name) {
    return String.format(dropTemplate, name);
  }

  String createDatabase(String name) {
    return String.format(createTemplate, name);
  }
}
