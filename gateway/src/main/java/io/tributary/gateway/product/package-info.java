/**
 * Data products served through the engine, the same through every door.
 *
 * <p><b>Names.</b> Every major {@code N} of a product that is not private serves each table of its
 * contract as {@code <domain>.<table>_v<N>}; the highest major also as {@code <domain>.<table>}
 * ({@link io.tributary.gateway.product.ProductNamespace}). Such a table reads the store table the
 * contract maps onto ({@link io.tributary.adapter.spi.DomainSource#storeTable}), published in
 * {@code tributary.yaml} or not, renaming the promised columns and leaving out the rest; filters,
 * projections, aggregates and joins inside one store still run in the store
 * ({@link io.tributary.gateway.product.ProductTable}). A contract's name takes precedence over a
 * table {@code tributary.yaml} publishes under the same name. Private products are neither served
 * nor listed; each table keeps its version's access level for security to enforce.
 *
 * <p><b>Sessions.</b> A session is brought up to date with the catalog before each statement it
 * prepares, so a connection held open serves products published since it connected. Retiring a
 * version (or making it private) applies at once: sessions that still name it fail with SQLSTATE
 * 42P01, naming the retirement.
 *
 * <p><b>Contracts checked against reality.</b> {@link io.tributary.gateway.product.StoreShapeCheck}
 * compares a version with its store's fresh shape before the catalog serves it (a version its store
 * does not keep is refused, the one served before stays); {@link io.tributary.gateway.product.ContractChecks}
 * compares every served version again periodically; {@link io.tributary.gateway.product.TypeFit}
 * says which store types fit a promise. A store changed behind the gateway's back (a missing table
 * or column, a type that does not fit or a nullable column promised required) makes the version broken: its queries fail with SQLSTATE 55000 listing each violation, other products
 * keep working, and the next check that finds the store fixed mends it. Queries also compare the
 * shape they are planned with. A store that cannot be reached is not checked, and queries on it
 * fail naming the domain, as for any table.
 *
 * <p><b>Deprecation.</b> A deprecated version answers, with a warning naming its replacement
 * (through the JDBC driver, {@code Statement.getWarnings()}).
 *
 * <p><b>Catalog as SQL.</b> {@code tributary.data_products}, {@code tributary.columns} and
 * {@code tributary.contract_violations} ({@link io.tributary.gateway.product.ProductCatalogTables});
 * {@code tributary.rejected_contracts}, what the feeds refused
 * ({@link io.tributary.gateway.product.RejectedContractsTable}).
 */
package io.tributary.gateway.product;
