package io.partnerhub.devstack;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A tiny JDK-only child JVM that cleans up after its parent, however the parent ends (normal exit, Ctrl-C,
 * {@code kill -9}, a test JVM whose class loaders are already closed). The parent writes lines to the
 * reaper's stdin: {@code pid N} (stop that process and its descendants: SIGINT for a PostgreSQL postmaster,
 * i.e. a fast shutdown, SIGTERM for the others, SIGKILL after a grace period) and {@code dir PATH} (delete it
 * afterwards). When the parent's end of the pipe closes, the reaper does all that and exits.
 */
public final class Reaper {

    private Reaper() {
    }

    public static void main(String[] args) throws IOException {
        List<Long> pids = new ArrayList<>();
        List<Path> dirs = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("pid ")) {
                    pids.add(Long.parseLong(line.substring(4).trim()));
                } else if (line.startsWith("forget ")) {
                    pids.remove(Long.valueOf(Long.parseLong(line.substring(7).trim())));
                } else if (line.startsWith("dir ")) {
                    dirs.add(Paths.get(line.substring(4).trim()));
                }
            }
        } catch (IOException ignored) {
            // the parent is gone either way
        }
        List<ProcessHandle> stopping = new ArrayList<>();
        for (int i = pids.size() - 1; i >= 0; i--) { // last registered first: services before infrastructure
            ProcessHandle.of(pids.get(i)).filter(ProcessHandle::isAlive).ifPresent(p -> {
                stopping.add(p);
                signal(p);
            });
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        for (ProcessHandle p : stopping) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    p.onExit().get(left, TimeUnit.NANOSECONDS);
                }
            } catch (Exception e) {
                // killed below
            }
            List<ProcessHandle> descendants = new ArrayList<>();
            p.descendants().forEach(descendants::add);
            if (p.isAlive()) {
                p.destroyForcibly();
            }
            for (ProcessHandle d : descendants) {
                d.destroyForcibly();
            }
        }
        for (Path dir : dirs) {
            delete(dir);
        }
    }

    private static void signal(ProcessHandle p) {
        String command = p.info().command().orElse("");
        if (command.endsWith("/postgres")) {
            try { // SIGINT = PostgreSQL's fast shutdown (SIGTERM would wait for clients)
                new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).inheritIO().start().waitFor(5, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                // fall back to SIGTERM
            }
        }
        p.destroy();
    }

    private static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("[devstack reaper] could not delete " + dir + ": " + e.getMessage());
        }
    }

    /** The parent's handle on its reaper. */
    public static final class Handle {
        private final Process process;
        private final OutputStream commands;

        private Handle(Process process, OutputStream commands) {
            this.process = process;
            this.commands = commands;
        }

        /** A handle on a reaper started elsewhere in this JVM (e.g. by another class loader) through its pipe. */
        public static Handle attach(OutputStream commands) {
            return new Handle(null, commands);
        }

        /** The pipe; keep it reachable for as long as the reaper should wait. */
        public OutputStream commands() {
            return commands;
        }

        /** Launches a reaper whose output goes to {@code logFile} (or is discarded when null). */
        public static Handle launch(Path logFile) {
            List<String> command = List.of(KafkaBroker.javaExecutable(), "-Xmx16m", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp", ownLocation(), Reaper.class.getName());
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            builder.redirectOutput(logFile == null ? ProcessBuilder.Redirect.DISCARD
                    : ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            try {
                Process process = builder.start();
                return new Handle(process, process.getOutputStream());
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot launch the devstack reaper", e);
            }
        }

        public long pid() {
            return process == null ? -1 : process.pid();
        }

        /** Stop this process when the parent ends. */
        public synchronized void watch(long pid) {
            send("pid " + pid);
        }

        /** The process was stopped on purpose: nothing to do for it any more. */
        public synchronized void forget(long pid) {
            send("forget " + pid);
        }

        /** Delete this directory when the parent ends (after stopping the processes). */
        public synchronized void deleteAtExit(Path dir) {
            send("dir " + dir.toAbsolutePath());
        }

        /** Runs the clean-up now (closes the pipe) and waits for it. */
        public void reapNow(long timeoutSeconds) {
            try {
                commands.close();
                if (process != null) {
                    process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
                }
            } catch (IOException ignored) {
                // already gone
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void send(String line) {
            try {
                synchronized (commands) {
                    commands.write((line + "\n").getBytes(StandardCharsets.UTF_8));
                    commands.flush();
                }
            } catch (IOException e) {
                System.err.println("[devstack] reaper is gone (" + e.getMessage() + "): " + line + " will not be cleaned up");
            }
        }
    }

    /** The jar or classes directory holding the devstack's JDK-only mains ({@link Reaper}, {@link BrokerMain}). */
    static String ownLocation() {
        try {
            return new File(Reaper.class.getProtectionDomain().getCodeSource().getLocation().toURI()).getAbsolutePath();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot locate the devstack classes", e);
        }
    }
}
