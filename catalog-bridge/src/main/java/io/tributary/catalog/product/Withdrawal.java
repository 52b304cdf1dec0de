package io.tributary.catalog.product;

import io.tributary.catalog.contract.Version;
import java.util.Objects;

/**
 * Versions of a product major its team took back, never to be served again whatever feed brings
 * them: those above {@code above} (every one, when {@code above} is null) up to {@code through}.
 * A rollback to 2.0.0 from 2.1.0 withdraws (2.0.0, 2.1.0]; 2.0.0 itself stays servable, so a feed
 * replaying it is not refused. A retirement by hand withdraws everything up to the retired version.
 *
 * @param above the highest version not withdrawn below the range; null for none
 * @param through the highest version withdrawn: the next release must be numbered above it
 * @param how by whom and when, for the refusals that cite it ("rolled back by … at …")
 */
public record Withdrawal(Version above, Version through, String how) {
  public Withdrawal {
    Objects.requireNonNull(through, "through");
    Objects.requireNonNull(how, "how");
  }

  public boolean covers(Version version) {
    return version.compareTo(through) <= 0 && (above == null || version.compareTo(above) > 0);
  }

  /** Both ranges as one: from the lower start to the higher end, said by the later of the two. */
  public Withdrawal union(Withdrawal other) {
    Version start = above == null || other.above == null ? null
        : above.compareTo(other.above) <= 0 ? above : other.above;
    Withdrawal later = through.compareTo(other.through) >= 0 ? this : other;
    return new Withdrawal(start, later.through, later.how);
  }
}
