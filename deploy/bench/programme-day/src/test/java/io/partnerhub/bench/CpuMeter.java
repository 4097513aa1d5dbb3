package io.partnerhub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CPU time (user + system) of every process of the suite, from /proc, for the processes deploy/run records in
 * {@code .devstack/pids} (PostgreSQL: the postmaster and its backends). Taken at the start of the capacity phase and
 * once the chain has caught up after it, it gives the CPU each process spends per result.
 */
final class CpuMeter {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    private CpuMeter() {
    }

    /** CPU seconds per process name; empty when the pids file is not there (a suite elsewhere). */
    static Map<String, Double> read(Path pids) {
        Map<String, Double> cpu = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(pids)) {
                String[] parts = line.strip().split("\\s+");
                if (parts.length != 2 || parts[0].startsWith("reaper")) {
                    continue;
                }
                long pid = Long.parseLong(parts[1]);
                double seconds = ticks(pid);
                if (parts[0].contains("postgres")) {
                    seconds += ProcessHandle.of(pid).map(p -> p.children().mapToDouble(c -> ticks(c.pid())).sum()).orElse(0.0);
                }
                cpu.put(parts[0], seconds);
            }
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
        return cpu;
    }

    private static double ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND; // utime, stime
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** "name x ms" per process and the total, per result, between two readings. */
    static String perResult(Map<String, Double> before, Map<String, Double> after, long results) {
        if (before.isEmpty() || after.isEmpty() || results == 0) {
            return "not measured (no .devstack/pids of a local suite)";
        }
        StringBuilder out = new StringBuilder();
        double total = 0;
        for (String name : List.copyOf(after.keySet())) {
            double ms = 1000 * (after.get(name) - before.getOrDefault(name, 0.0)) / results;
            total += ms;
            out.append(String.format(Locale.ROOT, "%s %.1f, ", name, ms));
        }
        return out.append(String.format(Locale.ROOT, "total %.1f ms (%d cores: at most %.0f results/s if the suite had them alone)",
                total, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().availableProcessors() * 1000 / total)).toString();
    }
}
