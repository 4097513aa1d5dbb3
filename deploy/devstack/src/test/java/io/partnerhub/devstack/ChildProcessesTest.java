package io.partnerhub.devstack;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The launcher's children do not outlive it, however it ends. */
class ChildProcessesTest {

    @TempDir
    Path home;

    @Test
    void aChildIsStoppedWhenItsLauncherIsKilledWithSigkill() throws IOException {
        Process launcher = startLauncher();
        long child = childPid(launcher);

        launcher.destroyForcibly(); // SIGKILL: no shutdown hook runs

        await().atMost(Duration.ofSeconds(30)).until(() -> gone(child));
    }

    @Test
    void aChildIsStoppedWhenItsLauncherIsTerminated() throws IOException {
        Process launcher = startLauncher();
        long child = childPid(launcher);

        launcher.destroy(); // SIGTERM: the shutdown hook closes ChildProcesses

        await().atMost(Duration.ofSeconds(30)).until(() -> gone(child) && !launcher.isAlive());
        assertTrue(Files.notExists(home.resolve("pids")), "the pids file is removed by a clean stop");
    }

    private Process startLauncher() throws IOException {
        return new ProcessBuilder(List.of(KafkaBroker.javaExecutable(), "-Xmx64m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), LauncherLikeParent.class.getName(), home.toString()))
                .redirectError(home.resolve("launcher.log").toFile()).start();
    }

    private long childPid(Process launcher) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(launcher.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertNotNull(line, () -> "the launcher ended before starting its child: " + Processes.tail(home.resolve("launcher.log"), 20));
        long pid = Long.parseLong(line.trim());
        assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the child runs");
        assertTrue(Files.readString(home.resolve("pids")).contains("idle-child " + pid), "the child is recorded");
        return pid;
    }

    /** Gone, or a zombie that nobody reaps yet (the launcher, its parent, is dead): it runs no more. */
    private static boolean gone(long pid) {
        if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
                return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
            } catch (IOException vanished) {
                return true;
            }
        }
        return true;
    }
}
