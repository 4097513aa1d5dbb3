package io.partnerhub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the day measured, per request kind (response times in ms, errors = anything but the expected 2xx or no
 * answer), requests per second of the day, and the other figures (propagation, lag) the summary prints.
 */
final class Figures {

    static final class Kind {
        final List<Long> millis = Collections.synchronizedList(new ArrayList<>());
        final AtomicLong errors = new AtomicLong();
    }

    static final Map<String, Kind> KINDS = new ConcurrentHashMap<>();
    /** Requests of the day phase per second since its start. */
    static final Map<Long, AtomicLong> PER_SECOND = new ConcurrentHashMap<>();
    static final List<Long> PROPAGATION = Collections.synchronizedList(new ArrayList<>());
    static final AtomicLong PROPAGATION_FAILED = new AtomicLong();
    static volatile long dayStartMillis;
    static volatile Map<String, Double> cpuBefore;
    static volatile Map<String, Double> cpuAfter = Map.of();
    static volatile long caughtUpMillis = -1;
    /** When the first capacity result was sent and the last one answered (epoch ms; 0: none). */
    static final AtomicLong CAPACITY_FIRST = new AtomicLong(Long.MAX_VALUE);
    static final AtomicLong CAPACITY_LAST = new AtomicLong();

    static synchronized void capacityStarted() {
        if (cpuBefore == null) {
            cpuBefore = CpuMeter.read(Settings.PIDS);
            markDayEnd();
        }
    }

    /** Tells the run script that the day model is over (see {@link Settings#DAY_END_MARK}). */
    private static void markDayEnd() {
        if (Settings.DAY_END_MARK.isEmpty()) {
            return;
        }
        try {
            Files.writeString(Path.of(Settings.DAY_END_MARK), System.currentTimeMillis() / 1000 + "\n");
        } catch (IOException e) {
            System.err.println("[programme-day] could not write the day's end to " + Settings.DAY_END_MARK + ": " + e);
        }
    }

    private Figures() {
    }

    static void record(String kind, long millis, boolean ok, boolean dayPhase) {
        Kind k = KINDS.computeIfAbsent(kind, x -> new Kind());
        k.millis.add(millis);
        if (!ok) {
            k.errors.incrementAndGet();
        }
        if (kind.equals("capacity: result")) {
            long now = System.currentTimeMillis();
            CAPACITY_FIRST.accumulateAndGet(now - millis, Math::min);
            CAPACITY_LAST.accumulateAndGet(now, Math::max);
        }
        if (dayPhase) {
            long second = (System.currentTimeMillis() - dayStartMillis) / 1000;
            PER_SECOND.computeIfAbsent(second, s -> new AtomicLong()).incrementAndGet();
        }
    }

    static long percentile(List<Long> values, double p) {
        List<Long> sorted;
        synchronized (values) {
            sorted = new ArrayList<>(values);
        }
        if (sorted.isEmpty()) {
            return -1;
        }
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p / 100 * sorted.size()) - 1));
    }

    /** The per-kind table, one line each: count, errors, p50/p95/p99/max. */
    static Map<String, String> table() {
        Map<String, String> lines = new TreeMap<>();
        KINDS.forEach((name, k) -> lines.put(name, String.format(Locale.ROOT, "%7d  %6d  %6d  %6d  %6d  %7d",
                k.millis.size(), k.errors.get(), percentile(k.millis, 50), percentile(k.millis, 95), percentile(k.millis, 99),
                percentile(k.millis, 100))));
        return lines;
    }
}
