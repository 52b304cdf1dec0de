package io.tributary.adapter.spi.example;

import io.tributary.adapter.spi.DomainAdapter;
import io.tributary.adapter.spi.DomainSource;
import io.tributary.adapter.spi.DomainSpec;
import io.tributary.adapter.spi.Health;
import io.tributary.adapter.spi.InvalidDomainSettingsException;
import io.tributary.adapter.spi.TableSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql.type.SqlTypeName;

/** The worked example of adapters/README.md: a domain whose tables are CSV files in a directory. */
public final class CsvAdapter implements DomainAdapter {

  @Override
  public Set<String> types() {
    return Set.of("csv");
  }

  @Override
  public DomainSource open(DomainSpec spec) {
    Path directory = Path.of(spec.required("directory", "a directory holding <table>.csv files"));
    Map<String, Table> tables = new HashMap<>();
    for (TableSpec table : spec.tables()) {
      tables.put(table.name(), new CsvTable(directory.resolve(table.source() + ".csv")));
    }
    Schema schema = new AbstractSchema() {
      @Override
      protected Map<String, Table> getTableMap() {
        return tables;
      }
    };
    return new DomainSource() {
      @Override
      public Schema schema() {
        return schema;
      }

      @Override
      public Health health() {
        return Files.isDirectory(directory) ? Health.up(directory + " exists") : Health.down(directory + " is missing");
      }

      @Override
      public void close() {}
    };
  }

  /** A CSV file whose first line names the columns; every value is text. */
  private static final class CsvTable extends AbstractTable implements ScannableTable {
    private final Path file;

    CsvTable(Path file) {
      this.file = file;
    }

    private List<String> lines() {
      try {
        return Files.readAllLines(file);
      } catch (IOException e) {
        throw new InvalidDomainSettingsException("csv", "directory", "cannot read " + file + ": " + e.getMessage());
      }
    }

    @Override
    public RelDataType getRowType(RelDataTypeFactory types) {
      RelDataTypeFactory.Builder row = types.builder();
      for (String column : lines().get(0).split(",")) {
        row.add(column, types.createTypeWithNullability(types.createSqlType(SqlTypeName.VARCHAR), true));
      }
      return row.build();
    }

    @Override
    public Statistic getStatistic() {
      return Statistics.of(lines().size() - 1, List.of());
    }

    @Override
    public Enumerable<Object[]> scan(DataContext root) {
      List<String> lines = lines();
      return Linq4j.asEnumerable(lines.subList(1, lines.size())).select(line -> (Object[]) line.split(","));
    }
  }
}
