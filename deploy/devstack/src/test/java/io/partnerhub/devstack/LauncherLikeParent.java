package io.partnerhub.devstack;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * A launcher in miniature for {@link ChildProcessesTest}: owns one child JVM ({@link IdleChild}) through
 * {@link ChildProcesses} exactly as {@link DevStack} owns its services, prints the child's pid, and waits to be ended.
 * <pre>LauncherLikeParent HOME</pre>
 */
public final class LauncherLikeParent {

    private LauncherLikeParent() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(args[0]);
        ChildProcesses children = new ChildProcesses(home, new Progress(System.err));
        children.closeAtShutdown();
        children.launchReaper(home.resolve("reaper.log"));
        Process child = new ProcessBuilder(List.of(KafkaBroker.javaExecutable(), "-Xmx16m", "-XX:+UseSerialGC",
                "-cp", System.getProperty("java.class.path"), IdleChild.class.getName()))
                .redirectErrorStream(true).redirectOutput(home.resolve("child.log").toFile()).start();
        children.add("idle-child", ChildProcesses.Stage.SERVICES, child.pid(), grace -> Processes.stop(child.toHandle(), grace));
        System.out.println(child.pid());
        System.out.flush();
        new CountDownLatch(1).await();
    }

    /** A child that would run for ever: only its owner can end it. */
    public static final class IdleChild {

        private IdleChild() {
        }

        public static void main(String[] args) throws InterruptedException {
            new CountDownLatch(1).await();
        }
    }
}
