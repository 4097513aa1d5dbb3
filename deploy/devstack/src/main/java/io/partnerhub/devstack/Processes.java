package io.partnerhub.devstack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Process, port and file chores shared by the launcher and the test resource. */
public final class Processes {

    private Processes() {
    }

    /** {@link #stopAll} of one process. */
    public static void stop(ProcessHandle process, Duration grace) {
        stopAll(List.of(process), grace);
    }

    /**
     * Stops processes together, the one way every child of the devstack is stopped (by its owner,
     * {@link ChildProcesses}, and by the {@link Reaper} when the owner died): a PostgreSQL postmaster gets SIGINT (its
     * fast shutdown; it stops its own backends), any other process and its descendants SIGTERM; after {@code grace}
     * whatever is left is SIGKILLed.
     */
    public static void stopAll(List<ProcessHandle> processes, Duration grace) {
        List<ProcessHandle> all = new ArrayList<>();
        for (ProcessHandle process : processes) {
            List<ProcessHandle> tree = new ArrayList<>();
            process.descendants().forEach(tree::add);
            if (isPostgres(process)) {
                interrupt(process);
            } else {
                process.destroy();
                tree.forEach(ProcessHandle::destroy);
            }
            all.add(process);
            all.addAll(tree);
        }
        long deadline = System.nanoTime() + grace.toNanos();
        for (ProcessHandle p : all) {
            long left = deadline - System.nanoTime();
            try {
                if (left > 0) {
                    p.onExit().get(left, TimeUnit.NANOSECONDS);
                }
            } catch (Exception timeoutOrInterrupt) {
                // killed below
            }
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info().command().orElse("").endsWith("/postgres");
    }

    /** SIGINT (the JDK sends only TERM and KILL); falls back to SIGTERM. */
    private static void interrupt(ProcessHandle process) {
        try {
            new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start().waitFor(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroy();
        }
    }

    /** The pause between two polls of something starting; an interrupt ends the wait with an exception. */
    static void pause(long millis, String awaited) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for " + awaited, e);
        }
    }

    /** A port that was free a moment ago on localhost. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether something listens on {@code port} on localhost (IPv4 or IPv6). */
    public static boolean portInUse(int port) {
        for (String host : List.of("127.0.0.1", "::1")) {
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress(host, port), 300);
                return true;
            } catch (IOException closed) {
                // try the next address
            }
        }
        return false;
    }

    /** The last {@code lines} lines of a (possibly large) text file, or a note that it is missing. */
    public static String tail(Path file, int lines) {
        if (!Files.exists(file)) {
            return "(no log file " + file + ")";
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            int chunk = (int) Math.min(length, 64 * 1024);
            byte[] bytes = new byte[chunk];
            in.seek(length - chunk);
            in.readFully(bytes);
            String[] all = new String(bytes, StandardCharsets.UTF_8).split("\r?\n");
            int from = Math.max(0, all.length - lines);
            StringBuilder out = new StringBuilder();
            for (int i = from; i < all.length; i++) {
                out.append("    | ").append(all[i]).append('\n');
            }
            return out.toString();
        } catch (IOException e) {
            return "(cannot read " + file + ": " + e.getMessage() + ")";
        }
    }

    public static void deleteRecursively(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            System.err.println("[devstack] could not delete " + root + ": " + e.getMessage());
        }
    }

    /** Resident memory of {@code pid} (VmRSS from /proc/<pid>/status) in KiB, or -1 when it cannot be read. */
    public static long residentKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.substring("VmRSS:".length()).replace("kB", "").trim());
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or the process is gone
        }
        return -1;
    }

    /** Is {@code pid} alive and one of ours (a java or postgres process), so that killing it is safe? */
    static Optional<ProcessHandle> liveDevstackProcess(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> {
            String command = p.info().command().orElse("");
            return command.endsWith("/java") || command.endsWith("/postgres") || command.endsWith("java.exe");
        });
    }
}
