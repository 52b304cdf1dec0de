package io.tributary.catalog.feed;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the directory feed early that something under its folders changed. Only a hint: the feed
 * compares the folders with what it knows either way, so an event lost, a file system that sends
 * none (network mounts, some container volumes) or no watch service at all only delays a change
 * until the next rescan.
 */
final class DirectoryWatch implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(DirectoryWatch.class);

  private final Optional<WatchService> service;
  private final Map<Path, WatchKey> keys = new HashMap<>(); // the feed's thread only

  private DirectoryWatch(Optional<WatchService> service) {
    this.service = service;
  }

  static DirectoryWatch open(Path root) {
    try {
      return new DirectoryWatch(Optional.of(FileSystems.getDefault().newWatchService()));
    } catch (IOException | UnsupportedOperationException e) {
      LOG.warn("contracts in {} are found by rescanning only (no file watching here: {})", root, e.getMessage());
      return new DirectoryWatch(Optional.empty());
    }
  }

  /** Watches exactly {@code folders} from now on (folders gone stop being watched). */
  void watch(Collection<Path> folders) {
    if (service.isEmpty()) {
      return;
    }
    keys.entrySet().removeIf(entry -> {
      boolean gone = !folders.contains(entry.getKey()) || !entry.getValue().isValid();
      if (gone) {
        entry.getValue().cancel();
      }
      return gone;
    });
    for (Path folder : folders) {
      if (!keys.containsKey(folder)) {
        try {
          keys.put(folder, folder.register(service.get(), StandardWatchEventKinds.ENTRY_CREATE,
              StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE));
        } catch (IOException e) {
          LOG.debug("{} is not watched ({}); the rescan finds its changes", folder, e.getMessage());
        }
      }
    }
  }

  /**
   * Waits up to {@code timeout} for a change; true when one was seen. Events are drained: the feed
   * wants to know that something changed, not what.
   */
  boolean await(Duration timeout) throws InterruptedException {
    if (service.isEmpty()) {
      TimeUnit.MILLISECONDS.sleep(timeout.toMillis());
      return false;
    }
    WatchKey key = service.get().poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    boolean changed = false;
    while (key != null) {
      changed |= !key.pollEvents().isEmpty();
      key.reset();
      key = service.get().poll();
    }
    return changed;
  }

  @Override
  public void close() {
    if (service.isPresent()) {
      try {
        service.get().close();
      } catch (IOException | ClosedWatchServiceException e) {
        LOG.debug("closing the watch service: {}", e.getMessage());
      }
    }
  }
}
