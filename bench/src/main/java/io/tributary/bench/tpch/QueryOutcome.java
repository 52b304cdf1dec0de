package io.tributary.bench.tpch;

import java.util.Map;

/**
 * One query's line of the report. Times are medians in milliseconds, {@code NaN} when not measured.
 *
 * @param detail the first difference, the error or what timed out; empty when the answer is right
 * @param rowsRead rows each counted store read (see {@link StoreReads}), by store label
 */
public record QueryOutcome(String query, Verdict verdict, String detail, double referenceMillis,
    double gatewayMillis, double planningMillis, Map<String, Long> rowsRead) {

  /** How the gateway's answer compares with PostgreSQL's. */
  public enum Verdict {
    OK("ok"), WRONG("wrong answer"), ERROR("error"), TIMEOUT("timeout"), REFERENCE_FAILED("reference failed");

    private final String text;

    Verdict(String text) {
      this.text = text;
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /** Gateway time over PostgreSQL time; {@code NaN} when either is missing. */
  public double ratio() {
    return gatewayMillis / referenceMillis;
  }
}
