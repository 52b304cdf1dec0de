package io.tributary.catalog.feed;

import io.tributary.catalog.contract.ContractException;
import io.tributary.catalog.contract.DataContract;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The directory feed: contracts as files {@code <root>/<domain>/*.yaml} (also {@code .yml},
 * {@code .json}). All are published at {@link #open start-up}; afterwards a file written is read
 * and published again, and a file deleted retires what it defined, without a restart.
 *
 * <p>The feed's thread keeps what each file last said and compares the folders with it, both when
 * the {@link DirectoryWatch} reports a change and every {@link #RESCAN} regardless: events make
 * updates quick on local disks, the rescan makes them certain everywhere.
 */
public final class ContractDirectory implements AutoCloseable {
  /** How often the folders are compared even without an event. */
  static final Duration RESCAN = Duration.ofSeconds(5);
  /** Quiet time after an event before reading, so an editor's write is complete. */
  private static final Duration SETTLE = Duration.ofMillis(150);
  private static final int MAX_SETTLE_ROUNDS = 20;
  private static final Set<String> EXTENSIONS = Set.of("yaml", "yml", "json");
  private static final Logger LOG = LoggerFactory.getLogger(ContractDirectory.class);

  private final Path root;
  private final ContractIntake intake;
  private final DirectoryWatch watch;
  /** What each file last said, and what of it is served; the feed's thread only after start-up. */
  private final Map<Path, ContractFile> files = new HashMap<>();
  private final Thread thread;
  private volatile boolean running = true;
  private final Set<Path> unreadable = new HashSet<>(); // logged once each
  private boolean missingLogged;

  private ContractDirectory(Path root, ContractIntake intake) {
    this.root = root;
    this.intake = intake;
    this.watch = DirectoryWatch.open(root);
    this.thread = new Thread(this::run, "contracts-" + root.getFileName());
    thread.setDaemon(true);
  }

  /** Publishes every contract under {@code root} now, then follows its changes on a thread of its own. */
  public static ContractDirectory open(Path root, ContractIntake intake) {
    ContractDirectory feed = new ContractDirectory(root, intake);
    feed.sync();
    LOG.info("contracts directory {}: {} files read, watching for changes", root, feed.files.size());
    feed.thread.start();
    return feed;
  }

  private void run() {
    try {
      while (running) {
        if (watch.await(RESCAN)) {
          settle();
        }
        try {
          sync();
        } catch (RuntimeException e) {
          LOG.error("contracts directory {}: comparing it with the catalog failed; trying again at the next change"
              + " or rescan", root, e);
        }
      }
    } catch (InterruptedException | ClosedWatchServiceException closing) {
      // close() ends the feed
    }
  }

  private void settle() throws InterruptedException {
    for (int round = 0; round < MAX_SETTLE_ROUNDS && watch.await(SETTLE); round++) {
      // keep waiting while files are still being written
    }
  }

  /** Brings the catalog in line with the folders: files gone, then files new or changed. */
  private void sync() {
    Map<Path, Optional<String>> now = scan();
    for (Path gone : new ArrayList<>(files.keySet())) {
      if (!now.containsKey(gone)) {
        withdraw(gone);
      }
    }
    now.forEach((file, text) -> {
      ContractFile known = files.get(file);
      if (text.isPresent() && (known == null || !known.text().equals(text.get()))) {
        load(file, text.get(), known == null ? Optional.empty() : known.served());
      }
    });
  }

  private void load(Path file, String text, Optional<DataContract> before) {
    try {
      DataContract contract = intake.publish(file.toString(), text, c -> checkFolder(file, c)).contract();
      files.put(file, new ContractFile(text, Optional.of(contract)));
      before.filter(b -> !b.id().equals(contract.id()) || b.version().major() != contract.version().major())
          .ifPresent(b -> restoreWithout(b, file));
    } catch (ContractException refused) {
      // Recorded by the intake; the file's last good contract, if any, stays served until it is fixed.
      files.put(file, new ContractFile(text, before));
    } catch (RuntimeException e) {
      LOG.error("contract file {} could not be processed; it is tried again when it changes", file, e);
      files.put(file, new ContractFile(text, before));
    }
  }

  private void withdraw(Path file) {
    ContractFile gone = files.remove(file);
    gone.served().ifPresent(contract -> restoreWithout(contract, file));
  }

  /**
   * Retires the major {@code file} served, because the file no longer says so, and publishes again
   * what other files still say of that major (another file may hold an older version of it).
   */
  private void restoreWithout(DataContract withdrawn, Path file) {
    String id = withdrawn.id();
    int major = withdrawn.version().major();
    intake.retire(file.toString(), id, major);
    files.values().stream().flatMap(f -> f.served().stream())
        .filter(c -> c.id().equals(id) && c.version().major() == major)
        .sorted(Comparator.comparing(DataContract::version))
        .forEach(contract -> {
          try {
            intake.publish(contract);
          } catch (ContractException refused) {
            // recorded by the intake
          }
        });
  }

  private void checkFolder(Path file, DataContract contract) {
    Path folder = file.getParent();
    if (folder.equals(root)) {
      throw new ContractException(file.toString(), "", "is not in a domain folder; move it to "
          + root.resolve(contract.domain()).resolve(file.getFileName()));
    }
    String domain = folder.getFileName().toString();
    if (!domain.equals(contract.domain())) {
      throw new ContractException(file.toString(), "domain", "is `" + contract.domain() + "` but the file is in the folder of domain `"
          + domain + "`; a domain's contracts sit in " + root.resolve(contract.domain()) + "/");
    }
  }

  /**
   * Every contract file by path, with its text, or empty while it cannot be read (then it keeps
   * what it served); the folders are watched from now on.
   */
  private Map<Path, Optional<String>> scan() {
    Map<Path, Optional<String>> found = new TreeMap<>();
    if (!Files.isDirectory(root)) {
      if (!missingLogged) {
        missingLogged = true;
        LOG.info("contracts directory {} does not exist; its contracts are read when it is created", root);
      }
      watch.watch(List.of());
      return found;
    }
    missingLogged = false;
    List<Path> folders = new ArrayList<>(List.of(root));
    for (Path entry : list(root)) {
      if (Files.isDirectory(entry)) {
        folders.add(entry);
        list(entry).stream().filter(ContractDirectory::isContract).forEach(file -> read(file, found));
      } else if (isContract(entry)) {
        read(entry, found);
      }
    }
    watch.watch(folders);
    return found;
  }

  private void read(Path file, Map<Path, Optional<String>> into) {
    try {
      // Decoded leniently: text that is not UTF-8 is the parser's to refuse, with a path.
      into.put(file, Optional.of(new String(Files.readAllBytes(file), StandardCharsets.UTF_8)));
      unreadable.remove(file);
    } catch (NoSuchFileException deletedMeanwhile) {
      // absent: withdrawn like any deleted file
    } catch (IOException e) {
      if (unreadable.add(file)) {
        LOG.warn("contract file {} cannot be read ({}); what it published stays served", file, e.toString());
      }
      into.put(file, Optional.empty());
    }
  }

  private static List<Path> list(Path folder) {
    try (Stream<Path> entries = Files.list(folder)) {
      return entries.sorted().toList();
    } catch (IOException e) {
      LOG.debug("cannot list {} now ({}); trying again at the next rescan", folder, e.getMessage());
      return List.of();
    }
  }

  private static boolean isContract(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return !name.startsWith(".") && dot > 0 && EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT))
        && Files.isRegularFile(file);
  }

  @Override
  public void close() {
    running = false;
    thread.interrupt();
    watch.close();
    try {
      thread.join(Duration.ofSeconds(5).toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** A file's last text, and the contract of it that is served (the last one accepted), if any. */
  private record ContractFile(String text, Optional<DataContract> served) {}
}
