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
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * The child half of {@link ChildProcesses}, the one owner of the devstack's child processes: a tiny JDK-only JVM that
 * stops them when its parent ends without stopping them itself ({@code kill -9}, a crash, a test JVM whose class
 * loaders are already closed). The parent writes lines to the reaper's stdin: {@code pid N [STAGE]} (a child to stop,
 * stage 0 by default), {@code forget N} (stopped on purpose, nothing to do) and {@code dir PATH} (delete it
 * afterwards). When the parent's end of the pipe closes, for whatever reason, the reaper stops what is still alive
 * stage by stage in ascending order (all of a stage together, {@link Processes#stopAll}: SIGINT for a PostgreSQL
 * postmaster, SIGTERM for the others, SIGKILL after {@value #GRACE_SECONDS} s), deletes the directories and exits.
 * When the parent closes the pipe after stopping its children, nothing is left to do. The reaper ignores SIGINT and
 * SIGHUP: a Ctrl-C in the terminal reaches the whole process group, and the reaper must outlive its parent.
 */
public final class Reaper {

    static final int GRACE_SECONDS = 10;

    private Reaper() {
    }

    public static void main(String[] args) throws IOException {
        ignoreTerminalSignals();
        Map<Long, Integer> pids = new LinkedHashMap<>();
        List<Path> dirs = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                String[] words = line.trim().split("\\s+", 3);
                if (line.startsWith("pid ")) {
                    pids.put(Long.parseLong(words[1]), words.length > 2 ? Integer.parseInt(words[2]) : 0);
                } else if (line.startsWith("forget ")) {
                    pids.remove(Long.parseLong(words[1]));
                } else if (line.startsWith("dir ")) {
                    dirs.add(Paths.get(line.substring(4).trim()));
                }
            }
        } catch (IOException ignored) {
            // the parent is gone either way
        }
        Map<Integer, List<ProcessHandle>> stages = new TreeMap<>();
        pids.forEach((pid, stage) -> ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .ifPresent(p -> stages.computeIfAbsent(stage, s -> new ArrayList<>()).add(p)));
        stages.forEach((stage, alive) -> {
            System.err.println("[devstack reaper] the parent is gone: stopping " + alive.stream().map(ProcessHandle::pid).toList());
            Processes.stopAll(alive, Duration.ofSeconds(GRACE_SECONDS));
        });
        for (Path dir : dirs) {
            delete(dir);
        }
    }

    private static void ignoreTerminalSignals() {
        for (String name : List.of("INT", "HUP")) {
            try {
                Signal.handle(new Signal(name), SignalHandler.SIG_IGN);
            } catch (IllegalArgumentException notOnThisPlatform) {
                // the reaper then ends with the terminal's process group, as the other children do
            }
        }
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
            watch(pid, 0);
        }

        /** Stop this process when the parent ends, with the others of its stage, after those of lower stages. */
        public synchronized void watch(long pid, int stage) {
            send("pid " + pid + " " + stage);
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
