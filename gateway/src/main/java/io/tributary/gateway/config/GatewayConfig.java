package io.tributary.gateway.config;

import java.util.List;

/**
 * The whole of {@code tributary.yaml}, validated.
 *
 * @param gateway where the gateway listens
 * @param domains the domains it serves
 * @param catalog the data products' contracts: feeds, checks, exports
 * @param limits what one query and one caller may take
 * @param materializations the cached joins the gateway keeps in sync and answers matching queries from
 */
public record GatewayConfig(ServerConfig gateway, List<DomainConfig> domains, CatalogConfig catalog,
    LimitsConfig limits, List<MaterializationConfig> materializations) {
  public GatewayConfig {
    gateway = gateway == null ? ServerConfig.defaults() : gateway;
    domains = domains == null ? List.of() : List.copyOf(domains);
    catalog = catalog == null ? CatalogConfig.defaults() : catalog;
    limits = limits == null ? LimitsConfig.defaults() : limits;
    materializations = materializations == null ? List.of() : List.copyOf(materializations);
  }
}
