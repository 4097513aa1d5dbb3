package io.partnerhub.devstack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The one owner of the devstack's child processes: the services, the Kafka broker and the PostgreSQL postmaster
 * (which zonky starts through {@code pg_ctl}, a process tree of its own, not a child of this JVM). Each is registered
 * with its {@link Stage} and the way it stops cleanly, and every registration is also told to a {@link Reaper} child.
 * The children are stopped stage by stage, the services together, then the broker, then PostgreSQL:
 * <ul>
 * <li>by {@link #close()}, which a shutdown hook runs too (Ctrl-C, SIGTERM, a normal exit);</li>
 * <li>by the reaper, in the same order, when this JVM dies without closing (SIGKILL, a crash): its end of the pipe
 *     closes and it stops whatever is still alive.</li>
 * </ul>
 * Child pids are recorded in {@code <home>/pids}; {@link #stopStale()} stops what a run that crashed left behind.
 */
final class ChildProcesses implements AutoCloseable {

    /** Stop order; the grace is how long a clean stop may take before the process is killed. */
    enum Stage {
        SERVICES("services", Duration.ofSeconds(15)),
        BROKER("Kafka broker", Duration.ofSeconds(20)),
        DATABASE("PostgreSQL", Duration.ofSeconds(20));

        final String label;
        final Duration grace;

        Stage(String label, Duration grace) {
            this.label = label;
            this.grace = grace;
        }
    }

    private record Child(String name, Stage stage, long pid, Consumer<Duration> stop) {
    }

    private final Path home;
    private final Progress progress;
    private final Map<String, Child> children = new LinkedHashMap<>();
    private Reaper.Handle reaper;
    private Thread shutdownHook;
    private boolean closed;

    ChildProcesses(Path home, Progress progress) {
        this.home = home;
        this.progress = progress;
    }

    /** Runs {@link #close()} when this JVM ends with its hooks (Ctrl-C, SIGTERM, exit). */
    synchronized void closeAtShutdown() {
        if (shutdownHook == null) {
            shutdownHook = new Thread(this::close, "devstack-shutdown");
            Runtime.getRuntime().addShutdownHook(shutdownHook);
        }
    }

    /** Starts the reaper that stops the children if this JVM dies without closing; its output goes to {@code logFile}. */
    synchronized void launchReaper(Path logFile) {
        if (reaper == null) {
            reaper = Reaper.Handle.launch(logFile);
        }
    }

    /** A child to stop with {@code stop} (given its stage's grace) on {@link #close()}, or by the reaper. */
    synchronized void add(String name, Stage stage, long pid, Consumer<Duration> stop) {
        if (closed) { // started while the stack was being stopped (Ctrl-C during start-up): not left behind
            stop.accept(stage.grace);
            throw new IllegalStateException("The devstack is stopping: " + name + " stopped again");
        }
        children.put(name, new Child(name, stage, pid, stop));
        if (reaper != null && pid > 0) {
            reaper.watch(pid, stage.ordinal());
        }
        writePids();
    }

    /** The child was (or is about to be) stopped by its caller: neither {@link #close()} nor the reaper touches it. */
    synchronized void release(String name) {
        Child child = children.remove(name);
        if (child != null && reaper != null && child.pid() > 0) {
            reaper.forget(child.pid());
        }
        writePids();
    }

    /** Stops the children stage by stage, then the reaper (with nothing left to do). Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (Stage stage : Stage.values()) {
            List<Child> due = children.values().stream().filter(c -> c.stage() == stage).toList();
            if (!due.isEmpty()) {
                progress.say("stopping %s ...", stage.label);
                stopTogether(due);
            }
        }
        children.clear();
        if (reaper != null) {
            reaper.reapNow(20);
        }
        try {
            Files.deleteIfExists(pidFile());
        } catch (IOException ignored) {
            // stale entries are checked before they are used
        }
        if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException shuttingDown) {
                // fine
            }
        }
        progress.say("stopped");
    }

    private void stopTogether(List<Child> due) {
        List<Thread> stoppers = new ArrayList<>();
        for (Child child : due) {
            Thread stopper = new Thread(() -> {
                try {
                    child.stop().accept(child.stage().grace);
                } catch (RuntimeException e) {
                    progress.say("WARNING: %s did not stop cleanly: %s", child.stage() == Stage.DATABASE
                            ? child.stage().label : child.name(), e.getMessage());
                }
            }, "stop-" + child.name());
            stopper.start();
            stoppers.add(stopper);
        }
        for (Thread stopper : stoppers) {
            try {
                stopper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Stops what a previous run that crashed left behind (the pids file, PostgreSQL's own postmaster.pid). */
    void stopStale() throws IOException {
        List<Long> stale = new ArrayList<>();
        if (Files.exists(pidFile())) {
            for (String line : Files.readAllLines(pidFile())) {
                String[] parts = line.trim().split("\\s+");
                if (parts.length == 2) {
                    try {
                        stale.add(Long.parseLong(parts[1]));
                    } catch (NumberFormatException ignored) {
                        // not ours
                    }
                }
            }
        }
        Path postmasterPid = home.resolve("postgres/postmaster.pid");
        if (Files.exists(postmasterPid)) {
            try {
                stale.add(Long.parseLong(Files.readAllLines(postmasterPid).get(0).trim()));
            } catch (RuntimeException ignored) {
                // unreadable: PostgreSQL sorts it out
            }
        }
        for (long pid : stale) {
            Processes.liveDevstackProcess(pid).ifPresent(p -> {
                progress.say("stopping stale process %d from a previous run (%s)", pid, p.info().command().orElse("?"));
                Processes.stop(p, Duration.ofSeconds(15));
            });
        }
        Files.deleteIfExists(pidFile());
    }

    private void writePids() {
        StringBuilder text = new StringBuilder();
        children.values().forEach(c -> text.append(c.name()).append(' ').append(c.pid()).append('\n'));
        try {
            if (Files.isDirectory(home)) {
                Files.writeString(pidFile(), text, StandardCharsets.UTF_8);
            }
        } catch (IOException e) {
            progress.say("WARNING: cannot write %s: %s", pidFile(), e.getMessage());
        }
    }

    private Path pidFile() {
        return home.resolve("pids");
    }
}
