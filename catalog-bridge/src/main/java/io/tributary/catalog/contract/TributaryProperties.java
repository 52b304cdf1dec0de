package io.tributary.catalog.contract;

import io.tributary.catalog.contract.DataContract.Deprecation;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Tributary's own promises, carried where ODCS v3 puts vendor fields: top-level
 * {@code customProperties} entries {@code {property, value}}. {@code access} is required;
 * {@code deprecationDate} and {@code replacedBy} come together. Other custom properties belong to
 * other tools and are left alone.
 *
 * @param access who may read the product through the gateway
 * @param deprecation when this version goes and what replaces it, if it is deprecated
 */
record TributaryProperties(Access access, Optional<Deprecation> deprecation) {
  private static final String ACCESS = "access";
  private static final String DEPRECATION_DATE = "deprecationDate";
  private static final String REPLACED_BY = "replacedBy";

  static TributaryProperties read(ContractNode customProperties) {
    Map<String, ContractNode> ours = new HashMap<>();
    for (ContractNode entry : customProperties.list()) {
      entry.requireObject("an ODCS v3 custom property {property, value}");
      ContractNode property = entry.field("property");
      String name = property.text("the custom property's name");
      boolean tributary = name.equals(ACCESS) || name.equals(DEPRECATION_DATE) || name.equals(REPLACED_BY);
      if (tributary && ours.put(name, entry.field("value")) != null) {
        throw property.fail("`" + name + "` is given twice; expected it once");
      }
    }
    ContractNode access = ours.get(ACCESS);
    if (access == null) {
      // Never assumed: a default would either serve a product meant to be private or hide one meant to be served.
      throw customProperties.fail("has no `" + ACCESS + "`; expected an entry {property: access, value: public"
          + " | internal | private}, which decides whether and to whom the gateway serves the product");
    }
    return new TributaryProperties(access(access), deprecation(customProperties, ours));
  }

  private static Access access(ContractNode value) {
    String written = value.text("public, internal or private");
    return Arrays.stream(Access.values()).filter(a -> a.name().equalsIgnoreCase(written)).findFirst()
        .orElseThrow(() -> value.fail("`" + written + "` is not an access level; expected public, internal"
            + " or private"));
  }

  private static Optional<Deprecation> deprecation(ContractNode customProperties, Map<String, ContractNode> ours) {
    ContractNode date = ours.get(DEPRECATION_DATE);
    ContractNode replacedBy = ours.get(REPLACED_BY);
    if (date == null && replacedBy == null) {
      return Optional.empty();
    }
    if (date == null || replacedBy == null) {
      throw customProperties.fail("has `" + (date == null ? REPLACED_BY : DEPRECATION_DATE) + "` without `"
          + (date == null ? DEPRECATION_DATE : REPLACED_BY) + "`; expected both: the day the version may be"
          + " retired and what consumers should move to (e.g. orders.orders_v2)");
    }
    String written = date.text("the day after which the version may be retired, e.g. 2026-06-30");
    try {
      return Optional.of(new Deprecation(LocalDate.parse(written), replacedBy.text("what consumers should move to")));
    } catch (DateTimeParseException e) {
      throw date.fail("`" + written + "` is not a date; expected an ISO date such as 2026-06-30");
    }
  }
}
