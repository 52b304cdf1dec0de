package io.tributary.adapter.spi.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tributary.adapter.spi.DomainAdapters;
import io.tributary.adapter.spi.DomainSource;
import io.tributary.adapter.spi.DomainSpec;
import io.tributary.adapter.spi.InvalidDomainSettingsException;
import io.tributary.adapter.spi.TableSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.apache.calcite.jdbc.CalciteConnection;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's worked example, run: discovered by type name, mounted as a schema, queried with SQL. */
class CsvAdapterTest {

  @Test
  void adapterIsFoundByItsTypeAndItsTablesAnswerSql(@TempDir Path directory) throws Exception {
    Files.writeString(directory.resolve("plants.csv"), "name,colour\nrose,red\nlily,white\n");
    DomainSpec spec = new DomainSpec("garden", "csv", Map.of("directory", directory.toString()),
        List.of(TableSpec.named("plants")));

    try (DomainSource garden = DomainAdapters.discover().forType("garden", "csv").open(spec);
         Connection calcite = DriverManager.getConnection("jdbc:calcite:lex=JAVA")) {
      calcite.unwrap(CalciteConnection.class).getRootSchema().add("garden", garden.schema());
      try (ResultSet rs = calcite.createStatement().executeQuery(
          "SELECT name FROM garden.plants WHERE colour = 'white'")) {
        rs.next();
        assertEquals("lily", rs.getString(1));
      }
      assertEquals(true, garden.health().isUp());
    }
  }

  @Test
  void unknownTypeListsTheKnownOnes() {
    InvalidDomainSettingsException e = assertThrows(InvalidDomainSettingsException.class,
        () -> DomainAdapters.discover().forType("garden", "cvs"));

    assertEquals("domain `garden`: adapter `cvs` is not a known adapter type; expected one of [csv]", e.getMessage());
  }

  @Test
  void missingSettingSaysWhatIsExpected() {
    DomainSpec spec = new DomainSpec("garden", "csv", Map.of(), List.of(TableSpec.named("plants")));

    InvalidDomainSettingsException e = assertThrows(InvalidDomainSettingsException.class,
        () -> new CsvAdapter().open(spec));
    assertEquals("connection.directory", e.setting());
    assertEquals("is missing; expected a directory holding <table>.csv files", e.problem());
  }
}
