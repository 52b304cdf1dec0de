package io.tributary.catalog.contract;

/** A semantic version; the major is what SQL pins ({@code <table>_v<major>}). */
public record Version(int major, int minor, int patch) implements Comparable<Version> {

  @Override
  public int compareTo(Version other) {
    int byMajor = Integer.compare(major, other.major);
    if (byMajor != 0) {
      return byMajor;
    }
    int byMinor = Integer.compare(minor, other.minor);
    return byMinor != 0 ? byMinor : Integer.compare(patch, other.patch);
  }

  @Override
  public String toString() {
    return major + "." + minor + "." + patch;
  }
}
