package io.partnerhub.systemtests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;

/** A fault drill's printed figures: on stdout and appended to {@code target/fault-drills.txt}. */
final class DrillReport {

    private final StringBuilder text = new StringBuilder();

    DrillReport(String title) {
        text.append("=== ").append(title).append(" ").append("=".repeat(Math.max(3, 100 - title.length()))).append('\n');
    }

    DrillReport line(String format, Object... args) {
        text.append(String.format(Locale.ROOT, format, args)).append('\n');
        return this;
    }

    DrillReport raw(String lines) {
        text.append(lines);
        return this;
    }

    /** Prints the report and appends it to the file. */
    void print() throws IOException {
        text.append("=".repeat(105)).append('\n');
        System.out.println();
        System.out.print(text);
        Path file = Path.of("target", "fault-drills.txt");
        Files.createDirectories(file.getParent());
        Files.writeString(file, text + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    static double seconds(long fromNanos, long toNanos) {
        return (toNanos - fromNanos) / 1e9;
    }
}
