package io.tributary.catalog.contract;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a data product's contract (Open Data Contract Standard v3), validated.
 *
 * @param id the contract's stable identifier; every version of a product shares it
 * @param domain the domain that publishes the product
 * @param product the product's name
 * @param version semantic version; its major is what consumers pin
 * @param status lifecycle status as written (e.g. {@code active}, {@code deprecated})
 * @param access who may read it through the gateway
 * @param team the owning team
 * @param description what the product is for
 * @param tables the product's tables, each mapped onto a table of the domain's store
 * @param freshness the freshness promise (SLA), if any
 * @param deprecation when this version stops being served, and what replaces it, if deprecated
 * @param origin where this version came from (a file path, {@code http}, {@code kafka:topic@offset}), for messages
 */
public record DataContract(
    String id,
    String domain,
    String product,
    Version version,
    String status,
    Access access,
    String team,
    String description,
    List<ContractTable> tables,
    Optional<Duration> freshness,
    Optional<Deprecation> deprecation,
    String origin) {

  public DataContract {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(domain, "domain");
    Objects.requireNonNull(product, "product");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(access, "access");
    tables = List.copyOf(tables);
    Objects.requireNonNull(freshness, "freshness");
    Objects.requireNonNull(deprecation, "deprecation");
  }

  /**
   * A version that is still served but on its way out.
   *
   * @param date the day after which it may be retired
   * @param replacement what consumers should move to, e.g. {@code orders.orders_v2}
   */
  public record Deprecation(LocalDate date, String replacement) {}
}
