package io.partnerhub.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import io.partnerhub.bench.World.Booked;

/**
 * Beside the day: the consumer lag of every consumer group (Kafka's admin API, every 2 s; the max per group is kept),
 * and the propagation probe: every {@link Settings#PROBE_EVERY} a probe organisation's one person gets a passing
 * result (201 through the gateway) and its partner-admin polls the competency status every 10 ms until it shows
 * Silver; the time from the 201 to that answer is one sample.
 */
final class Monitors implements AutoCloseable {

    static final Map<String, Long> MAX_LAG = new ConcurrentHashMap<>();
    static final Map<String, Long> LAST_LAG = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private Admin kafka;

    void start(World world, Setup setup, Api api) {
        if (!Settings.KAFKA.isBlank()) {
            Properties config = new Properties();
            config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Settings.KAFKA);
            config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
            kafka = Admin.create(config);
            scheduler.scheduleWithFixedDelay(this::sampleLag, 0, 2, TimeUnit.SECONDS);
        }
        AtomicInteger next = new AtomicInteger();
        long first = 1000;
        scheduler.scheduleAtFixedRate(() -> {
            int i = next.getAndIncrement();
            // the last probe ends before the capacity phase, whose burst would queue it behind thousands of events
            boolean dayOver = System.currentTimeMillis() > Figures.dayStartMillis + Settings.DAY.toMillis() - 10_000;
            if (i < world.probes().size() && !dayOver) {
                probe(world, setup, api, world.probes().get(i));
            }
        }, first, Settings.PROBE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void probe(World world, Setup setup, Api api, Booked booked) {
        try {
            String status = "/competency-status/" + booked.org() + "/" + world.competency();
            Setup.sleep(Duration.between(Instant.now(), booked.takenAt()).toMillis() + 50); // the appointment is over
            Api.Answer posted = setup.result(booked, 850);
            long accepted = System.nanoTime();
            if (posted.status() != 201) {
                Figures.PROPAGATION_FAILED.incrementAndGet();
                return;
            }
            while (System.nanoTime() - accepted < Duration.ofSeconds(30).toNanos()) {
                Api.Answer answer = api.get(status, booked.adminToken());
                if (answer.status() == 200 && "SILVER".equals(answer.get("level"))) {
                    Figures.PROPAGATION.add((System.nanoTime() - accepted) / 1_000_000);
                    return;
                }
                Setup.sleep(10);
            }
            Figures.PROPAGATION_FAILED.incrementAndGet();
        } catch (RuntimeException e) {
            Figures.PROPAGATION_FAILED.incrementAndGet();
        }
    }

    private void sampleLag() {
        try {
            for (ConsumerGroupListing group : kafka.listConsumerGroups().all().get(5, TimeUnit.SECONDS)) {
                Map<TopicPartition, OffsetAndMetadata> committed = kafka.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
                committed.keySet().forEach(tp -> latest.put(tp, OffsetSpec.latest()));
                Map<TopicPartition, ListOffsetsResultInfo> ends = kafka.listOffsets(latest).all().get(5, TimeUnit.SECONDS);
                long lag = 0;
                for (Map.Entry<TopicPartition, OffsetAndMetadata> entry : committed.entrySet()) {
                    if (entry.getValue() != null && ends.containsKey(entry.getKey())) {
                        lag += Math.max(0, ends.get(entry.getKey()).offset() - entry.getValue().offset());
                    }
                }
                MAX_LAG.merge(group.groupId(), lag, Math::max);
                LAST_LAG.put(group.groupId(), lag);
            }
        } catch (Exception e) {
            MAX_LAG.merge("(lag samples failed)", 1L, Long::sum);
        }
    }

    /** Waits (at most {@code limit}) until the last lag sample of every group is 0: the chain has applied everything. */
    static void awaitCaughtUp(Duration limit) {
        long start = System.currentTimeMillis();
        while (System.currentTimeMillis() - start < limit.toMillis()) {
            Setup.sleep(2100);
            if (!LAST_LAG.isEmpty() && LAST_LAG.values().stream().allMatch(lag -> lag == 0)) {
                Figures.caughtUpMillis = System.currentTimeMillis() - start;
                return;
            }
        }
    }

    static List<String> lagLines() {
        return MAX_LAG.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        if (kafka != null) {
            kafka.close(Duration.ofSeconds(2));
        }
    }
}
