package io.partnerhub.chassis.testing;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time of the processes a benchmark runs beside (Linux /proc; elsewhere 0): this JVM, the embedded PostgreSQL
 * serving a JDBC URL's port (its postmaster and every backend it forked) and the child JVMs this one started (the
 * devstack's Kafka broker). The benchmarks subtract an idle window measured the same way and print CPU ms per unit of
 * work, which a shared machine disturbs less than wall time.
 */
public final class ProcessCpu {

    private static final double TICKS_PER_SECOND = 100.0; // USER_HZ

    private ProcessCpu() {
    }

    /** CPU seconds this JVM has used so far. */
    public static double thisJvmSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    /** CPU seconds the postmaster {@code postmaster} and its children alive now have used so far. */
    public static double postgresSeconds(long postmaster) {
        return seconds(postmaster) + processes().filter(p -> parent(p) == postmaster).mapToDouble(ProcessCpu::seconds).sum();
    }

    /** CPU seconds the child JVMs of this process (the embedded Kafka broker) have used so far. */
    public static double childJvmSeconds() {
        return ProcessHandle.current().children().filter(p -> p.info().commandLine().orElse("").contains("java"))
                .mapToDouble(p -> seconds(p.pid())).sum();
    }

    /** The pid of the postmaster serving {@code jdbcUrl}'s port; -1 when none is found. */
    public static long postmaster(String jdbcUrl) {
        String port = jdbcUrl.replaceAll(".*://[^:/]+:(\\d+)/.*", "$1");
        return processes().filter(p -> {
            try {
                String[] args = Files.readString(Path.of("/proc", Long.toString(p), "cmdline")).split("\0");
                return args[0].endsWith("postgres") && List.of(args).contains(port);
            } catch (IOException e) {
                return false;
            }
        }).filter(p -> parent(p) != 0).min(Long::compare).orElse(-1L);
    }

    private static Stream<Long> processes() {
        try (Stream<Path> proc = Files.list(Path.of("/proc"))) {
            return proc.map(p -> p.getFileName().toString()).filter(n -> n.chars().allMatch(Character::isDigit))
                    .map(Long::parseLong).toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    private static String[] stat(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    private static long parent(long pid) {
        try {
            return Long.parseLong(stat(pid)[1]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static double seconds(long pid) {
        try {
            String[] fields = stat(pid);
            return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
