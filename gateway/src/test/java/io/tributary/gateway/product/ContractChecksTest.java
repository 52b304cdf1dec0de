package io.tributary.gateway.product;

import static io.tributary.gateway.ProductContracts.column;
import static io.tributary.gateway.ProductContracts.contract;
import static io.tributary.gateway.ProductContracts.table;
import static org.apache.calcite.sql.type.SqlTypeName.INTEGER;
import static org.apache.calcite.sql.type.SqlTypeName.VARCHAR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tributary.adapter.spi.DomainSource;
import io.tributary.adapter.spi.DomainUnavailableException;
import io.tributary.adapter.spi.Health;
import io.tributary.catalog.contract.Access;
import io.tributary.catalog.contract.DataContract;
import io.tributary.catalog.product.ProductCatalog;
import io.tributary.gateway.Eventually;
import java.net.ConnectException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.Schema;
import org.apache.calcite.schema.Table;
import org.apache.calcite.schema.impl.AbstractSchema;
import org.apache.calcite.schema.impl.AbstractTable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Contract checks on their own schedule, over a store whose shape the test changes at will. */
class ContractChecksTest {
  private static final Duration WITHIN = Duration.ofSeconds(10);
  private static final DataContract PLANTS = contract("garden", "plants", "1.0.0", Access.PUBLIC,
      table("plants", "plant_rows", column("plant_id", "id", INTEGER, true), column("name", "name", VARCHAR, 40, -1, false)));

  private final Store store = new Store();
  private final ProductCatalog catalog = new ProductCatalog(Set.of("garden"));
  private ContractChecks checks;

  @BeforeEach
  void start() {
    store.shape = Store.columns("id", "name");
    checks = ContractChecks.start(catalog, Map.of("garden", store), Duration.ofMillis(50));
  }

  @AfterEach
  void stop() {
    checks.close();
  }

  @Test
  void publishedVersionIsCheckedWithoutBeingAsked() throws Exception {
    catalog.publish(PLANTS);

    CheckResult result = Eventually.until(WITHIN, () -> checks.result(PLANTS), Optional::isPresent).orElseThrow();
    assertEquals(Map.of(), result.violations());
  }

  @Test
  void storeChangeIsFoundByThePeriodicCheckAndSoIsItsFix() throws Exception {
    catalog.publish(PLANTS);
    Eventually.until(WITHIN, () -> checks.result(PLANTS), Optional::isPresent);

    store.shape = Store.columns("id");
    List<Violation> broken = Eventually.until(WITHIN, () -> checks.violations(PLANTS), v -> !v.isEmpty());
    assertEquals("table `plants`, column `name`: store table `plant_rows` has no column `name`", broken.get(0).toString());
    Instant firstSeen = checks.result(PLANTS).orElseThrow().violations().values().iterator().next();
    Eventually.until(WITHIN, () -> checks.result(PLANTS).orElseThrow().checkedAt(), at -> at.isAfter(firstSeen));
    assertEquals(firstSeen, checks.result(PLANTS).orElseThrow().violations().values().iterator().next(),
        "a violation keeps the time it was first seen");

    store.shape = Store.columns("id", "name");
    Eventually.until(WITHIN, () -> checks.violations(PLANTS), List::isEmpty);
  }

  @Test
  void storeThatIsDownKeepsTheLastResult() throws Exception {
    catalog.publish(PLANTS);
    store.shape = Store.columns("id");
    Eventually.until(WITHIN, () -> checks.violations(PLANTS), v -> !v.isEmpty());

    AtomicInteger attempts = new AtomicInteger();
    store.shape = typeFactory -> {
      attempts.incrementAndGet();
      throw new DomainUnavailableException("garden", "greenhouse:1", new ConnectException("refused"));
    };
    // One thread checks: once it has failed twice, no check that saw the store up is still running.
    Eventually.until(WITHIN, attempts::get, n -> n >= 2);
    Instant before = checks.result(PLANTS).orElseThrow().checkedAt();
    int seen = attempts.get();
    Eventually.until(WITHIN, attempts::get, n -> n >= seen + 2);

    assertEquals(before, checks.result(PLANTS).orElseThrow().checkedAt());
    assertEquals(1, checks.violations(PLANTS).size());
  }

  @Test
  void retiredVersionIsForgottenAndAMissingTableIsAViolation() throws Exception {
    DataContract weeds = contract("garden", "weeds", "1.0.0", Access.PUBLIC,
        table("weeds", "weed_rows", column("weed_id", "id", INTEGER, true)));
    store.missing = "weed_rows";
    catalog.publish(weeds);
    List<Violation> missing = Eventually.until(WITHIN, () -> checks.violations(weeds), v -> !v.isEmpty());
    assertTrue(missing.get(0).problem().contains("store table `weed_rows` does not exist"), missing.toString());

    catalog.retire(weeds.id());
    Eventually.until(WITHIN, () -> checks.result(weeds), Optional::isEmpty);
  }

  /** A domain whose one table has whatever shape the test gives it; any other name it lacks. */
  private static final class Store implements DomainSource {
    volatile Function<RelDataTypeFactory, RelDataType> shape;
    volatile String missing = "";

    static Function<RelDataTypeFactory, RelDataType> columns(String... names) {
      return typeFactory -> {
        RelDataTypeFactory.Builder builder = typeFactory.builder();
        for (String name : names) {
          builder.add(name, name.equals("id") ? typeFactory.createSqlType(INTEGER)
              : typeFactory.createTypeWithNullability(typeFactory.createSqlType(VARCHAR, 40), true));
        }
        return builder.build();
      };
    }

    @Override
    public Schema schema() {
      return new AbstractSchema();
    }

    @Override
    public Optional<Table> storeTable(String source) {
      return Optional.of(new AbstractTable() {
        @Override
        public RelDataType getRowType(RelDataTypeFactory typeFactory) {
          return shape.apply(typeFactory);
        }
      });
    }

    @Override
    public Optional<RelDataType> describe(String source, RelDataTypeFactory typeFactory) {
      return source.equals(missing) ? Optional.empty() : DomainSource.super.describe(source, typeFactory);
    }

    @Override
    public Health health() {
      return Health.up("in memory");
    }

    @Override
    public void close() {}
  }
}
