package io.partnerhub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The day's text summary: printed at the end of the simulation and written to {@link Settings#FIGURES}. */
final class Summary {

    private Summary() {
    }

    static void print(String setup, double setupSeconds) {
        List<String> out = new ArrayList<>();
        long daySeconds = Settings.DAY.toSeconds();
        long dayRequests = Figures.PER_SECOND.values().stream().mapToLong(java.util.concurrent.atomic.AtomicLong::get).sum();
        long minWindow = Long.MAX_VALUE;
        for (long w = 1; (w + 1) * 10 <= daySeconds; w++) { // 10-s windows, the first and the last left out
            long sum = 0;
            for (long s = w * 10; s < w * 10 + 10; s++) {
                java.util.concurrent.atomic.AtomicLong n = Figures.PER_SECOND.get(s);
                sum += n == null ? 0 : n.get();
            }
            minWindow = Math.min(minWindow, sum);
        }
        Figures.Kind results = Figures.KINDS.getOrDefault("result", new Figures.Kind());
        Figures.Kind capacity = Figures.KINDS.getOrDefault("capacity: result", new Figures.Kind());
        long capacityOk = capacity.millis.size() - capacity.errors.get();
        // over the time the results were posted: when the booked registrations run out before the phase ends, the
        // clients idle and the phase's length would understate the rate (the figure read 83.3/s = 2,500 / 30 s)
        double postedSeconds = Figures.CAPACITY_LAST.get() > 0
                ? Math.max(0.001, (Figures.CAPACITY_LAST.get() - Figures.CAPACITY_FIRST.get()) / 1000.0)
                : Settings.CAPACITY.toSeconds();
        double capacityRate = capacityOk / postedSeconds;
        long errors = Figures.KINDS.values().stream().mapToLong(k -> k.errors.get()).sum();

        out.add("=== PartnerHub programme day (" + Settings.URL + ", " + fmt(Settings.DAY.toSeconds() / 60.0) + " min, scale "
                + fmt(Settings.SCALE) + ") ===");
        out.add("setup: " + setup + ", in " + fmt(setupSeconds) + " s");
        out.add(String.format(Locale.ROOT, "requests/s held: %.1f over the day (lowest 10-s window %.1f); results/s %.2f",
                dayRequests / (double) daySeconds, minWindow == Long.MAX_VALUE ? 0.0 : minWindow / 10.0,
                (results.millis.size() - results.errors.get()) / (double) daySeconds));
        out.add("request kind                      count  errors     p50     p95     p99      max  (ms)");
        Figures.table().forEach((kind, line) -> out.add(String.format(Locale.ROOT, "%-30s %s", kind, line)));
        out.add("errors: " + errors);
        out.add(String.format(Locale.ROOT, "propagation result -> competency status (Silver) under load: n=%d p50=%d p95=%d p99=%d max=%d ms, failed %d",
                Figures.PROPAGATION.size(), Figures.percentile(Figures.PROPAGATION, 50), Figures.percentile(Figures.PROPAGATION, 95),
                Figures.percentile(Figures.PROPAGATION, 99), Figures.percentile(Figures.PROPAGATION, 100), Figures.PROPAGATION_FAILED.get()));
        long lagMax = Monitors.MAX_LAG.entrySet().stream().filter(e -> !e.getKey().startsWith("(")).mapToLong(Map.Entry::getValue)
                .max().orElse(-1);
        out.add("consumer lag max: " + lagMax + " records  " + Monitors.lagLines());
        out.add(String.format(Locale.ROOT, "results at capacity: %.1f results/s (%d clients, %d results posted in %.1f s of the %d s"
                + " phase%s, %d errors)", capacityRate, Settings.CAPACITY_CLIENTS, capacityOk, postedSeconds,
                Settings.CAPACITY.toSeconds(), postedSeconds < Settings.CAPACITY.toSeconds() - 1 ? ": the bookings ran out" : "",
                capacity.errors.get()));
        out.add("CPU per result from the start of the capacity phase until the chain caught up ("
                + (Figures.caughtUpMillis < 0 ? "not within 120 s" : fmt(Figures.caughtUpMillis / 1000.0) + " s after it") + "), ms: "
                + CpuMeter.perResult(Figures.cpuBefore == null ? Map.of() : Figures.cpuBefore, Figures.cpuAfter, capacityOk));
        out.forEach(System.out::println);
        try {
            Files.createDirectories(Settings.FIGURES.toAbsolutePath().getParent());
            Files.write(Settings.FIGURES, List.of("capacity_results_per_second=" + fmt(capacityRate), "errors=" + errors,
                    "propagation_p99_ms=" + Figures.percentile(Figures.PROPAGATION, 99), "lag_max=" + lagMax));
            Files.write(Settings.FIGURES.resolveSibling("programme-day-summary.txt"), out);
        } catch (IOException e) {
            System.out.println("cannot write " + Settings.FIGURES + ": " + e);
        }
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
