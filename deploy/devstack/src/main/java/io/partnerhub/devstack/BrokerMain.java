package io.partnerhub.devstack;

import java.io.PrintStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry point of the broker's child JVM (its classpath: the Kafka broker jars + the devstack jar).
 * <ol>
 *   <li>{@code --format CLUSTER_ID}: formats the log directory in-process ({@code kafka-storage format
 *       --standalone}, or without it for a node of a static quorum) unless it is formatted already, saving a second
 *       JVM start.</li>
 *   <li>Runs {@code kafka.Kafka server.properties}.</li>
 * </ol>
 * Uses only the JDK, so nothing else of the devstack needs to load in the broker JVM. The broker stops when whoever
 * started it stops, however that ends, because its owner ({@link ChildProcesses} or the test infrastructure) has it
 * watched by a {@link Reaper}.
 */
public final class BrokerMain {

    private BrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: BrokerMain server.properties [--format CLUSTER_ID]");
            System.exit(2);
        }
        String serverProperties = args[0];
        if (args.length >= 3 && "--format".equals(args[1])) {
            format(serverProperties, args[2]);
        }
        Class.forName("kafka.Kafka").getMethod("main", String[].class).invoke(null, (Object) new String[] {serverProperties});
    }

    private static void format(String serverProperties, String clusterId) throws Exception {
        List<String> logDirs = new ArrayList<>();
        boolean staticQuorum = false;
        for (String line : Files.readAllLines(Paths.get(serverProperties))) {
            staticQuorum |= line.startsWith("controller.quorum.voters=");
            if (line.startsWith("log.dirs=")) {
                for (String dir : line.substring("log.dirs=".length()).split(",")) {
                    logDirs.add(dir.trim());
                }
            }
        }
        if (!logDirs.isEmpty() && logDirs.stream().allMatch(d -> Files.exists(Path.of(d, "meta.properties")))) {
            return;
        }
        Method execute = Class.forName("kafka.tools.StorageTool").getMethod("execute", String[].class, PrintStream.class);
        // a static quorum (the nodes of a cluster, controller.quorum.voters) is formatted as it is; one node alone
        // bootstraps a dynamic quorum of itself
        String[] command = staticQuorum
                ? new String[] {"format", "--config", serverProperties, "--cluster-id", clusterId, "--ignore-formatted"}
                : new String[] {"format", "--config", serverProperties, "--cluster-id", clusterId, "--standalone",
                    "--ignore-formatted"};
        Object exit = execute.invoke(null, command, System.out);
        if (!Integer.valueOf(0).equals(exit)) {
            System.err.println("[devstack] kafka-storage format failed with exit code " + exit);
            System.exit(1);
        }
    }
}
