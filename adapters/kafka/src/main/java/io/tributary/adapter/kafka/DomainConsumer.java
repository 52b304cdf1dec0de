package io.tributary.adapter.kafka;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread that reads a domain's topics: every partition assigned (no consumer group), from
 * where each table's state says it stopped (the beginning at start-up), polled continuously and
 * applied as it arrives. Once a second it asks the cluster for end offsets, which gives both the
 * lag and whether the cluster answers at all. While it does not, the tables keep their state and
 * the consumer keeps its positions, so consumption resumes without loss or duplication.
 *
 * <p>Once a second it also compares each topic's partitions with the assignment, so partitions
 * added while running are read from their beginning. Known topics are answered from the client's
 * metadata, which it refreshes every {@code metadata.max.age.ms} (see {@link ClientSettings}).
 */
final class DomainConsumer implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(100);
  private static final Duration CHECK_EVERY = Duration.ofSeconds(1);
  private static final Duration CLUSTER_TIMEOUT = Duration.ofSeconds(2);
  private static final Logger LOG = LoggerFactory.getLogger(DomainConsumer.class);

  private final String domain;
  private final KafkaConsumer<byte[], byte[]> consumer;
  private final Map<String, TopicIngest> byTopic;
  private final BrokerLink link;
  private final Map<TopicPartition, Long> endOffsets = new ConcurrentHashMap<>();
  private final Set<String> missingTopicsLogged = new HashSet<>();
  private final CountDownLatch stopping = new CountDownLatch(1);
  private final Thread thread;
  private volatile boolean running = true;

  DomainConsumer(String domain, Properties properties, Map<String, TopicIngest> byTopic, BrokerLink link) {
    this.domain = domain;
    this.consumer = new KafkaConsumer<>(properties);
    this.byTopic = Map.copyOf(byTopic);
    this.link = link;
    this.thread = new Thread(this::run, "kafka-" + domain);
    thread.setDaemon(true);
  }

  void start() {
    thread.start();
  }

  /** The latest known end offset per partition of {@code topic}. */
  Map<Integer, Long> endOffsets(String topic) {
    Map<Integer, Long> ends = new TreeMap<>();
    endOffsets.forEach((tp, end) -> {
      if (tp.topic().equals(topic)) {
        ends.put(tp.partition(), end);
      }
    });
    return ends;
  }

  private void run() {
    long nextCheck = 0;
    while (running) {
      try {
        long now = System.currentTimeMillis();
        if (now >= nextCheck) {
          nextCheck = now + CHECK_EVERY.toMillis();
          assign();
          if (consumer.assignment().isEmpty()) {
            link.reached(); // nothing is cached yet, so the topic look-ups went to the cluster, which answered
          } else {
            checkCluster(now);
          }
        }
        if (consumer.assignment().isEmpty()) {
          pause(CHECK_EVERY);
          continue;
        }
        ConsumerRecords<byte[], byte[]> records = consumer.poll(POLL);
        for (TopicPartition partition : records.partitions()) {
          byTopic.get(partition.topic()).ingest(partition.partition(), records.records(partition));
        }
      } catch (WakeupException closing) {
        // close() woke us; the loop ends because running is false
      } catch (KafkaException e) {
        link.lost(e.getClass().getSimpleName() + ": " + e.getMessage());
        pause(CHECK_EVERY);
      }
    }
    consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
  }

  /**
   * Assigns every partition of every published topic that exists. Partitions already assigned keep
   * their positions; new ones start at their table's position, the beginning for a new partition.
   */
  private void assign() {
    Set<TopicPartition> partitions = new HashSet<>();
    for (String topic : byTopic.keySet()) {
      List<PartitionInfo> infos = consumer.partitionsFor(topic, CLUSTER_TIMEOUT);
      if (infos == null || infos.isEmpty()) {
        if (missingTopicsLogged.add(topic)) {
          LOG.warn("domain `{}`: topic `{}` does not exist; table `{}` stays empty until it is created",
              domain, topic, byTopic.get(topic).settings().table());
        }
        continue;
      }
      infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
    }
    Set<TopicPartition> added = new HashSet<>(partitions);
    added.removeAll(consumer.assignment());
    if (partitions.equals(consumer.assignment())) {
      return;
    }
    consumer.assign(partitions);
    for (TopicPartition partition : added) {
      long next = byTopic.get(partition.topic()).state().nextOffset(partition.partition());
      if (next == 0) {
        consumer.seekToBeginning(Set.of(partition));
      } else {
        consumer.seek(partition, next);
      }
    }
    LOG.info("domain `{}`: reading {} partitions of topics {} ({} new)", domain, partitions.size(), byTopic.keySet(),
        added.size());
  }

  private void checkCluster(long now) {
    endOffsets.putAll(consumer.endOffsets(consumer.assignment(), CLUSTER_TIMEOUT));
    link.reached();
    byTopic.values().forEach(ingest -> ingest.state().expire(now));
  }

  private void pause(Duration duration) {
    try {
      stopping.await(duration.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      running = false;
    }
  }

  @Override
  public void close() {
    running = false;
    stopping.countDown();
    consumer.wakeup();
    try {
      thread.join(TimeUnit.SECONDS.toMillis(10));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
