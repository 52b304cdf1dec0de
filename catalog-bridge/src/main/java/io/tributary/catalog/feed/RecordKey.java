package io.tributary.catalog.feed;

import io.tributary.catalog.contract.ContractException;
import io.tributary.catalog.contract.DataContract;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a record's key on the contracts topic names: a whole product, {@code <id>}, or one of its
 * majors, {@code <id>/v<major>}. A compacted topic keeps only the last record per key, so a
 * product served in several majors at once needs a key per major; keying by id alone suits a
 * product with one major at a time. A key that ends in {@code /v<digits>} always names a major:
 * a contract whose id itself ends so is keyed {@code <id>/v<major>}.
 *
 * @param written the key as written on the record
 * @param id the contract id it names
 * @param major the major it names, or empty for every major of the product
 */
record RecordKey(String written, String id, OptionalInt major) {
  /** What the refusals tell publishers to do. */
  static final String ADVICE = "key each record by its contract's id, or by `<id>/v<major>` for one major";
  private static final Pattern MAJOR_KEY = Pattern.compile("(.+)/v(0|[1-9][0-9]{0,8})");

  static RecordKey parse(String key) {
    Matcher m = MAJOR_KEY.matcher(key);
    return m.matches() ? new RecordKey(key, m.group(1), OptionalInt.of(Integer.parseInt(m.group(2))))
        : new RecordKey(key, key, OptionalInt.empty());
  }

  /**
   * Refuses a contract the key does not name, so that a tombstone on the same key later retires
   * what this record published.
   *
   * @throws ContractException naming the mismatch
   */
  void check(String origin, DataContract contract) {
    if (!contract.id().equals(id)) {
      throw new ContractException(origin, "id", "is `" + contract.id() + "` but the record's key `" + written
          + "` names contract `" + id + "`; " + ADVICE);
    }
    int published = contract.version().major();
    if (major.isPresent() && major.getAsInt() != published) {
      throw new ContractException(origin, "version", contract.version() + " is of major " + published
          + " but the record's key `" + written + "` names major " + major.getAsInt() + "; key it `" + id + "/v"
          + published + "`");
    }
  }

  /** Retires what the key names: every major of the product, or the one major. */
  void retire(ContractIntake intake, String origin) {
    if (major.isPresent()) {
      intake.retire(origin, id, major.getAsInt());
    } else {
      intake.retire(origin, id);
    }
  }
}
