package io.partnerhub.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where the CPU of a chain goes (issue #25): the CPU time every process of the running suite has used so far, read
 * from Linux's /proc (elsewhere: nothing), by part: the five services' JVMs, the Kafka broker, PostgreSQL's backends
 * per database (a backend's title names its database) and its own background processes, and this JVM (the test's
 * client). {@link #add} sums the difference between two readings, so that the CPU of many short windows (each
 * result's chain, from before its POST to the moment it was seen) adds up; divided by the number of windows it is the
 * CPU a result costs while it propagates, beside the wall time it takes. Resolution: the kernel's 10 ms tick per
 * process, so a figure is only meaningful summed over many windows.
 */
final class SuiteCpu {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ
    private static final List<String> SERVICES = List.of("gateway", "exam-service", "certification-service",
            "competency-service", "membership-service");

    private static final String BACKGROUND = "postgres (background)";

    /**
     * Per pid, its part once it is known for good (a service, the broker, a backend; "": not the suite's, a kernel
     * thread, say): its cmdline is read once, so that a reading costs little of the CPU it measures.
     */
    private static final Map<Long, String> PARTS = new java.util.concurrent.ConcurrentHashMap<>();

    private final Map<String, Double> total = new TreeMap<>();
    private int windows;

    /** CPU seconds per part of the suite, now. */
    static Map<String, Double> read() {
        Map<String, Double> parts = new LinkedHashMap<>();
        long self = ProcessHandle.current().pid();
        for (long pid : processes()) {
            String part = PARTS.get(pid);
            if (part == null) {
                part = Objects.requireNonNullElse(part(pid, self), "");
                if (!part.equals(BACKGROUND)) { // a backend just forked is retitled after: read it again
                    PARTS.put(pid, part);
                }
            }
            if (!part.isEmpty()) {
                parts.merge(part, seconds(pid), Double::sum);
            }
        }
        return parts;
    }

    /** Adds the CPU used between {@code before} and {@code after} (two {@link #read}s) as one window. */
    void add(Map<String, Double> before, Map<String, Double> after) {
        after.forEach((part, seconds) -> total.merge(part, Math.max(0, seconds - before.getOrDefault(part, seconds)), Double::sum));
        windows++;
    }

    /** CPU ms per window and part, largest first, and their sum beside the wall time of a window. */
    String table(String title, String window, double wallMillisPerWindow) {
        StringBuilder out = new StringBuilder();
        out.append("--- ").append(title).append(" ").append("-".repeat(Math.max(3, 80 - title.length()))).append('\n');
        if (windows == 0 || total.isEmpty()) {
            return out.append("  not measured (no /proc)\n").toString();
        }
        double sum = total.values().stream().mapToDouble(Double::doubleValue).sum() * 1e3 / windows;
        total.entrySet().stream().sorted(Map.Entry.<String, Double>comparingByValue().reversed()).forEach(part -> out.append(
                String.format(Locale.ROOT, "  %-40s %7.2f ms%n", part.getKey(), part.getValue() * 1e3 / windows)));
        out.append(String.format(Locale.ROOT, "  %-40s %7.2f ms CPU per %s, over %.1f ms wall (mean): %.2f of the %d cores%n",
                "all", sum, window, wallMillisPerWindow, sum / wallMillisPerWindow, Runtime.getRuntime().availableProcessors()));
        out.append("  (the kernel counts CPU in 10 ms ticks per process: summed over ").append(windows)
                .append(" windows, a mean; 'postgres <db>' are the backends serving that service)\n");
        return out.toString();
    }

    private static String part(long pid, long self) {
        if (pid == self) {
            return "this JVM (the test's client)";
        }
        String[] args;
        try {
            args = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).split("\0");
        } catch (IOException | RuntimeException e) {
            return null;
        }
        if (args.length == 0 || args[0].isEmpty()) {
            return null;
        }
        String line = String.join(" ", args);
        if (args[0].startsWith("postgres:")) { // a backend's title: "postgres: <user> <database> <client> <state>"
            String[] title = args[0].split(" ");
            return title.length > 2 && title[1].equals("partnerhub") ? "postgres " + title[2] : BACKGROUND;
        }
        if (args[0].endsWith("/postgres") || args[0].equals("postgres")) {
            return BACKGROUND;
        }
        if (!args[0].endsWith("java")) {
            return null;
        }
        if (line.contains("BrokerMain")) {
            return "kafka broker";
        }
        for (String service : SERVICES) {
            if (line.contains("/" + service + "/")) {
                return service;
            }
        }
        return null;
    }

    private static List<Long> processes() {
        try (Stream<Path> proc = Files.list(Path.of("/proc"))) {
            return proc.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static double seconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
