package io.partnerhub.competency.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import java.util.stream.Stream;

import javax.sql.DataSource;

/**
 * The CPU time of the benchmark's PostgreSQL (the embedded server on this machine): user + system clock ticks of its
 * postmaster and every process it forked (the backends of the pool's connections), from /proc. The server's side of an
 * event's work, which the service thread's CPU time does not show. Linux only; elsewhere it says n/a.
 */
final class PostgresCpu {

    private static final double TICK_MS = 10.0; // USER_HZ is 100 on Linux

    private final long postmaster;

    PostgresCpu(DataSource dataSource) {
        long found = -1;
        try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement();
                ResultSet row = s.executeQuery("SELECT pg_backend_pid()")) {
            row.next();
            found = field(Path.of("/proc", Integer.toString(row.getInt(1)), "stat"), 4); // the backend's parent
        } catch (Exception e) {
            found = -1;
        }
        this.postmaster = found;
    }

    /** Ticks of CPU used so far by the server's processes alive now; -1 when unknown. */
    long ticks() {
        if (postmaster <= 0) {
            return -1;
        }
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            return processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .mapToLong(p -> {
                        Path stat = p.resolve("stat");
                        long pid = Long.parseLong(p.getFileName().toString());
                        if (pid != postmaster && field(stat, 4) != postmaster) {
                            return 0;
                        }
                        return Math.max(0, field(stat, 14)) + Math.max(0, field(stat, 15));
                    }).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    /** CPU per event in ms from the ticks counted over {@code events} events. */
    String perEvent(long ticks, int events) {
        return postmaster <= 0 || ticks < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f ms", ticks * TICK_MS / events);
    }

    /** Field {@code n} (1-based, as in proc(5)) of a /proc/<pid>/stat line; -1 when unreadable. */
    private static long field(Path stat, int n) {
        try {
            String line = Files.readString(stat);
            String[] after = line.substring(line.lastIndexOf(')') + 2).split(" "); // field 3 onwards
            return Long.parseLong(after[n - 3]);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
