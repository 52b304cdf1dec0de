package io.tributary.gateway.engine;

/**
 * A HyperLogLog sketch: about how many distinct hashes it was given, within a few percent, in
 * 4 KB whatever their number. An aggregate's groups are counted with it as its rows go by, since
 * the groups are what it holds.
 */
final class DistinctCount {
  private static final int BITS = 12;
  private static final int REGISTERS = 1 << BITS;
  private static final double ALPHA = 0.7213 / (1 + 1.079 / REGISTERS);
  private final byte[] registers = new byte[REGISTERS];

  void add(long hash) {
    long mixed = mix(hash);
    int register = (int) (mixed >>> (64 - BITS));
    int rank = Long.numberOfLeadingZeros((mixed << BITS) | (1L << (BITS - 1))) + 1;
    if (rank > registers[register]) {
      registers[register] = (byte) rank;
    }
  }

  long estimate() {
    double sum = 0;
    int zeros = 0;
    for (byte rank : registers) {
      sum += Math.scalb(1.0, -rank);
      if (rank == 0) {
        zeros++;
      }
    }
    double raw = ALPHA * REGISTERS * REGISTERS / sum;
    if (raw <= 2.5 * REGISTERS && zeros > 0) {
      return Math.round(REGISTERS * Math.log((double) REGISTERS / zeros)); // linear counting for small counts
    }
    return Math.round(raw);
  }

  /** MurmurHash3's finalizer: spreads a {@code hashCode} over all 64 bits. */
  private static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }
}
