package io.tributary.adapter.kafka;

import io.tributary.adapter.spi.WarningSource;
import java.util.List;
import java.util.Optional;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.ScannableTable;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * A topic as a table: a scan reads the state's current {@link Snapshot}, never the broker.
 * Calcite filters and projects the snapshot in the gateway; the row count it plans with is the
 * number of rows held, and an entity table declares {@code _key} unique.
 */
final class TopicTable extends AbstractTable implements ScannableTable, WarningSource {
  private final TopicSettings settings;
  private final TableState state;
  private final BrokerLink link;

  TopicTable(TopicSettings settings, TableState state, BrokerLink link) {
    this.settings = settings;
    this.state = state;
    this.link = link;
  }

  @Override
  public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    RelDataTypeFactory.Builder builder = typeFactory.builder();
    for (Column column : settings.columns()) {
      builder.add(column.name(), column.type().relType(typeFactory));
    }
    return builder.build();
  }

  @Override
  public Statistic getStatistic() {
    List<ImmutableBitSet> keys = settings.kind() == TableKind.ENTITY
        ? List.of(ImmutableBitSet.of(settings.keyColumn())) : List.of();
    return Statistics.of(state.rows(), keys);
  }

  @Override
  public Enumerable<Object[]> scan(DataContext root) {
    return Linq4j.asEnumerable(state.snapshot().rows());
  }

  @Override
  public Optional<String> currentWarning() {
    return link.warning(settings.table());
  }
}
