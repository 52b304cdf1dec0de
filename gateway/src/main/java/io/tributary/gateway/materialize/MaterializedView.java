package io.tributary.gateway.materialize;

import java.util.List;
import java.util.Locale;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeImpl;
import org.apache.calcite.rel.type.RelProtoDataType;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractTable;

/**
 * {@code materialized.<name>} as plans see it: one table for the materialization's whole life, which
 * reads whatever build is served when it is scanned. Calcite keeps the table a plan was made with,
 * so a statement prepared once and run many times reads each new build, not the one it was planned
 * against.
 */
final class MaterializedView extends AbstractTable implements ScannableTable {
  private final Materialization materialization;
  private final RelProtoDataType rowType;

  MaterializedView(Materialization materialization, RelDataType rowType) {
    this.materialization = materialization;
    this.rowType = RelDataTypeImpl.proto(rowType);
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    return rowType.apply(typeFactory);
  }

  @Override
  public Statistic getStatistic() {
    return Statistics.of(materialization.served().map(b -> b.table().rowCount()).orElse(0), List.of());
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root) {
    return materialization.served().orElseThrow(() -> new IllegalStateException("materialization `"
        + materialization.name() + "` is not built now (" + materialization.state().name().toLowerCase(Locale.ROOT)
        + (materialization.problem().isEmpty() ? "" : ": " + materialization.problem())
        + "); prepare the statement again to run it federated")).table().scan();
  }
}
