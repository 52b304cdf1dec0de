package io.tributary.catalog.feed;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tributary.catalog.contract.DataContract;
import io.tributary.catalog.contract.Version;
import io.tributary.catalog.product.Withdrawal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the catalog must remember across restarts that no feed brings back: the versions published
 * over HTTP, versions held back until their store can be checked, what a team rolled back or
 * retired by hand, and the earlier versions of each major it may roll back to. One JSON file per
 * product major in a directory (written whole to a temporary file, then moved over the old one,
 * so a crash leaves the old or the new state, never half of one); in memory only without one.
 *
 * <p>The files and the contracts directory must not be the same folder: these are the gateway's
 * own state, not contracts a team edits.
 */
public final class ContractJournal {
  /** Earlier versions kept per major for rolling back; older ones are forgotten. */
  static final int EARLIER_KEPT = 10;
  private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private final Optional<Path> directory;
  private final Map<String, Entry> entries = new TreeMap<>(); // guarded by this

  private ContractJournal(Optional<Path> directory, List<Entry> loaded) {
    this.directory = directory;
    loaded.forEach(e -> entries.put(e.key(), e));
  }

  /** Nothing survives a restart: for tests and catalogs fed only from files and Kafka. */
  public static ContractJournal inMemory() {
    return new ContractJournal(Optional.empty(), List.of());
  }

  /**
   * The journal kept in {@code directory}, created when missing, with what it held at the last stop.
   *
   * @throws UncheckedIOException when the directory cannot be created or a file in it cannot be read
   */
  public static ContractJournal in(Path directory) {
    List<Entry> loaded = new ArrayList<>();
    try {
      Files.createDirectories(directory);
      try (Stream<Path> files = Files.list(directory)) {
        for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList()) {
          loaded.add(read(file));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("the catalog's journal " + directory + " cannot be read: " + e.getMessage(), e);
    }
    return new ContractJournal(Optional.of(directory), loaded);
  }

  /** Where the journal is kept, if anywhere. */
  public Optional<Path> directory() {
    return directory;
  }

  /**
   * A version is served now. With {@code restore}, only the journal can bring it back at the next
   * start (it came over HTTP); otherwise its feed will. The version it replaces becomes the one to
   * roll back to; versions at or above it are dropped from that list (a feed replaying its history).
   */
  synchronized void served(DataContract contract, String text, boolean restore) {
    Entry entry = entry(contract.id(), contract.version().major());
    Published now = new Published(contract.origin(), contract.version(), text);
    if (entry.current != null && entry.current.version().compareTo(contract.version()) < 0) {
      entry.earlier.add(entry.current);
    }
    entry.earlier.removeIf(e -> e.version().compareTo(contract.version()) >= 0);
    while (entry.earlier.size() > EARLIER_KEPT) {
      entry.earlier.remove(0);
    }
    entry.current = now;
    entry.restore = restore;
    if (entry.held != null && entry.held.version().compareTo(contract.version()) <= 0) {
      entry.held = null;
    }
    write(entry);
  }

  /**
   * A version waits for its store to be checked; it replaces any version held before for its major.
   *
   * @param restore whether, once served, only the journal brings it back at a start (as in {@link #served})
   */
  synchronized void held(DataContract contract, String text, boolean restore) {
    Entry entry = entry(contract.id(), contract.version().major());
    entry.held = new Published(contract.origin(), contract.version(), text);
    entry.heldRestore = restore;
    write(entry);
  }

  /** The held version of a major is given up (its store refused it): it is no longer retried. */
  synchronized void released(String id, int major) {
    Entry entry = entries.get(Entry.key(id, major));
    if (entry != null && entry.held != null) {
      entry.held = null;
      write(entry);
    }
  }

  /** The version to roll a major back to: the one served before the current one, if known. */
  synchronized Optional<Published> earlier(String id, int major) {
    Entry entry = entries.get(Entry.key(id, major));
    return entry == null || entry.earlier.isEmpty() ? Optional.empty()
        : Optional.of(entry.earlier.get(entry.earlier.size() - 1));
  }

  /**
   * The major was rolled back to {@code target}, the last earlier version; versions above it up to
   * {@code through} are withdrawn.
   */
  synchronized void rolledBack(DataContract target, Version through, String how) {
    Entry entry = entry(target.id(), target.version().major());
    Published restored = new Published(target.origin(), target.version(), textOf(entry, target));
    entry.earlier.removeIf(e -> e.version().compareTo(target.version()) >= 0);
    entry.current = restored;
    entry.restore = true;
    entry.withdraw(new Withdrawal(target.version(), through, how));
    entry.held = null;
    write(entry);
  }

  /** A major was retired by its feed (file deleted, tombstone): nothing of it is remembered. */
  synchronized void retired(String id, int major) {
    Entry entry = entries.remove(Entry.key(id, major));
    if (entry != null && entry.withdrawn != null) {
      // A retirement by hand outlives the feed's own: the file may come back with the same version.
      entries.put(entry.key(), entry.onlyWithdrawal());
      write(entries.get(entry.key()));
    } else if (entry != null) {
      delete(entry);
    }
  }

  /** A major was retired by hand: the versions withdrawn stay so, whatever feed holds them. */
  synchronized void withdrawn(String id, int major, Withdrawal withdrawal) {
    Entry entry = entry(id, major);
    entry.withdraw(withdrawal);
    Entry kept = entry.onlyWithdrawal();
    entries.put(kept.key(), kept);
    write(kept);
  }

  /** Every major remembered, for the catalog to restore at start-up. */
  synchronized List<Entry> entries() {
    return entries.values().stream().map(Entry::copy).toList();
  }

  /** The text the journal holds for {@code target}: the earlier version being restored. */
  private static String textOf(Entry entry, DataContract target) {
    return Stream.concat(entry.earlier.stream(), Stream.ofNullable(entry.current))
        .filter(p -> p.version().equals(target.version()))
        .map(Published::text).findFirst()
        .orElseThrow(() -> new IllegalStateException("no text of " + target.version() + " in the journal"));
  }

  private Entry entry(String id, int major) {
    return entries.computeIfAbsent(Entry.key(id, major), k -> new Entry(id, major));
  }

  private void write(Entry entry) {
    if (directory.isEmpty()) {
      return;
    }
    Path file = file(entry);
    Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
    try {
      JSON.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), entry);
      Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("the catalog's journal cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private void delete(Entry entry) {
    if (directory.isPresent()) {
      try {
        Files.deleteIfExists(file(entry));
      } catch (IOException e) {
        throw new UncheckedIOException("the catalog's journal cannot delete " + file(entry) + ": " + e.getMessage(), e);
      }
    }
  }

  /** Contract ids may hold any character; the file name encodes it. */
  private Path file(Entry entry) {
    return directory.orElseThrow().resolve(URLEncoder.encode(entry.id, StandardCharsets.UTF_8).replace("*", "%2A")
        + ".v" + entry.major + ".json");
  }

  private static Entry read(Path file) throws IOException {
    Entry entry = JSON.readValue(file.toFile(), Entry.class);
    String name = file.getFileName().toString();
    String expected = URLDecoder.decode(name.substring(0, name.lastIndexOf(".v")), StandardCharsets.UTF_8);
    if (entry.id == null || !entry.id.equals(expected)) {
      throw new IOException(file + " is not a journal entry of contract " + expected);
    }
    entry.earlier.sort(Comparator.comparing(Published::version));
    return entry;
  }

  /** A version's contract as published, to publish again. */
  record Published(String origin, Version version, String text) {}

  /** What is remembered of one product major; fields public for Jackson, guarded by the journal. */
  static final class Entry {
    public String id;
    public int major;
    /** The version served now, when the journal knows its text. */
    public Published current;
    /** Whether only the journal brings {@link #current} back at start-up. */
    public boolean restore;
    /** Versions served before, oldest first. */
    public List<Published> earlier = new ArrayList<>();
    /** The versions taken back by hand, if any. */
    public Withdrawal withdrawn;
    /** A version waiting for its store to be checked. */
    public Published held;
    public boolean heldRestore;

    Entry() {}

    Entry(String id, int major) {
      this.id = id;
      this.major = major;
    }

    static String key(String id, int major) {
      return id + "\u0000" + major;
    }

    String key() {
      return key(id, major);
    }

    void withdraw(Withdrawal more) {
      withdrawn = withdrawn == null ? more : withdrawn.union(more);
    }

    Entry onlyWithdrawal() {
      Entry kept = new Entry(id, major);
      kept.withdrawn = withdrawn;
      return kept;
    }

    Entry copy() {
      Entry copy = new Entry(id, major);
      copy.current = current;
      copy.restore = restore;
      copy.earlier = new ArrayList<>(earlier);
      copy.withdrawn = withdrawn;
      copy.held = held;
      copy.heldRestore = heldRestore;
      return copy;
    }
  }
}
