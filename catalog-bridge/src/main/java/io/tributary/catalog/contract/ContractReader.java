package io.tributary.catalog.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the top level of an ODCS v3 contract; the schema, SLA and custom properties have readers of their own. */
final class ContractReader {
  /**
   * Every top-level field of ODCS v3.0 to v3.2 ({@code context} came with v3.2); those we do not
   * read are accepted and ignored.
   */
  private static final Set<String> FIELDS = Set.of("apiVersion", "kind", "id", "name", "version", "status", "domain",
      "dataProduct", "tenant", "team", "description", "schema", "slaProperties", "customProperties", "servers",
      "support", "price", "roles", "slaDefaultElement", "authoritativeDefinitions", "tags", "contractCreatedTs",
      "context");
  /** ODCS v3.0, v3.1 and v3.2: each later one adds optional fields, none changes what we read. */
  private static final Pattern API_VERSION = Pattern.compile("v3\\.[0-2]\\.[0-9]+");
  private static final Pattern SEMVER =
      Pattern.compile("(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})\\.(0|[1-9][0-9]{0,8})");

  private ContractReader() {}

  static DataContract read(ContractNode root) {
    root.onlyKeys("an ODCS v3 data contract", FIELDS);
    apiVersion(root.field("apiVersion"));
    ContractNode kind = root.field("kind");
    if (!kind.text("DataContract").equals("DataContract")) {
      throw kind.fail("is `" + kind.text("DataContract") + "`; expected DataContract");
    }
    String id = root.field("id").text("the contract's stable identifier, shared by all its versions (e.g. a UUID)");
    Version version = version(root.field("version"));
    String status = root.field("status").text("the contract's status, e.g. active or deprecated");
    String domain = Names.sql(root.field("domain"), "the publishing domain, as named in the gateway's configuration");
    String product = root.field("name").optionalText().or(() -> root.field("dataProduct").optionalText())
        .orElseThrow(() -> root.field("name").fail("is missing, and so is dataProduct; expected the data"
            + " product's name"));
    TributaryProperties tributary = TributaryProperties.read(root.field("customProperties"));
    return new DataContract(id, domain, product, version, status, tributary.access(),
        team(root.field("team")).orElse(domain), description(root.field("description")),
        SchemaReader.tables(root.field("schema"), domain), Freshness.read(root.field("slaProperties")),
        tributary.deprecation(), root.origin());
  }

  private static void apiVersion(ContractNode node) {
    String written = node.text("v3.x.y, the version of the Open Data Contract Standard the contract follows");
    if (!API_VERSION.matcher(written).matches()) {
      throw node.fail("`" + written + "` is not supported; expected v3.0.x, v3.1.x or v3.2.x (Open Data Contract"
          + " Standard 3.0 to 3.2, e.g. v3.1.0)");
    }
  }

  private static Version version(ContractNode node) {
    String written = node.text("the contract's semantic version MAJOR.MINOR.PATCH, e.g. 1.2.0");
    Matcher semver = SEMVER.matcher(written);
    if (!semver.matches()) {
      throw node.fail("`" + written + "` is not a version; expected MAJOR.MINOR.PATCH such as 1.2.0"
          + " (the major is what SQL pins: <table>_v<MAJOR>)");
    }
    return new Version(Integer.parseInt(semver.group(1)), Integer.parseInt(semver.group(2)),
        Integer.parseInt(semver.group(3)));
  }

  /**
   * ODCS v3.1 names the team ({@code team: {name, members}}); v3.0 only lists its members, so a
   * list of members (also a v3.1 team without a name) is represented by its owner (the first member
   * whose role is {@code owner}, else the first member), whose username is whom to ask.
   * {@code team: <name>} names it too. Without any, the domain answers.
   */
  private static Optional<String> team(ContractNode node) {
    if (node.isMissing() || node.isText()) {
      return node.optionalText();
    }
    if (!node.isList()) {
      node.onlyKeys("an ODCS v3.1 team", Set.of("id", "name", "description", "members", "tags", "customProperties",
          "authoritativeDefinitions"));
      Optional<String> name = node.field("name").optionalText();
      return name.isPresent() ? name : team(node.field("members"));
    }
    List<ContractNode> members = node.list();
    if (members.isEmpty()) {
      return Optional.empty();
    }
    members.forEach(m -> m.requireObject("an ODCS v3 team member {username, role, ...}"));
    ContractNode owner = members.stream()
        .filter(m -> m.field("role").optionalText().filter("owner"::equalsIgnoreCase).isPresent())
        .findFirst().orElse(members.get(0));
    return Optional.of(owner.field("username").text("the member's username or e-mail address"));
  }

  /** ODCS v3 describes with an object (purpose, usage, limitations); a plain text is accepted too. */
  private static String description(ContractNode node) {
    if (node.isMissing() || node.isText()) {
      return node.optionalText().orElse("");
    }
    node.requireObject("a text, or an ODCS v3 description {purpose, usage, limitations}");
    List<String> parts = new ArrayList<>();
    node.field("purpose").optionalText().ifPresent(parts::add);
    node.field("usage").optionalText().ifPresent(usage -> parts.add("Usage: " + usage));
    node.field("limitations").optionalText().ifPresent(limits -> parts.add("Limitations: " + limits));
    return String.join(" ", parts);
  }
}
