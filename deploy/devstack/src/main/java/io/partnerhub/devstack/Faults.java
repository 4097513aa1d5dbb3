package io.partnerhub.devstack;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Fault injection on a running {@link DevStack} (issue #26, the drills of deploy/system-tests {@code *FaultIT}):
 * SIGKILL a Kafka broker and start it again, crash PostgreSQL ({@code pg_ctl -m immediate}) and start it again with
 * durable settings. What is killed is taken from the stack's {@link ChildProcesses} first (so neither its close nor
 * the reaper touches a dead pid) and handed back to it when it runs again.
 */
public final class Faults {

    private final Infrastructure infrastructure;
    private final ChildProcesses children;
    private final Path home;
    private final int postgresPort;
    private Path postgresBinaries;

    Faults(Infrastructure infrastructure, ChildProcesses children, Path home, int postgresPort) {
        this.infrastructure = infrastructure;
        this.children = children;
        this.home = home;
        this.postgresPort = postgresPort;
    }

    /** The Kafka nodes: leaders, in-sync replicas, their processes. */
    public KafkaCluster kafka() {
        return infrastructure.kafka();
    }

    /** SIGKILLs broker {@code nodeId} (1-based); returns once its process is gone. */
    public synchronized void killBroker(int nodeId) {
        KafkaCluster kafka = kafka();
        children.release(Infrastructure.brokerName(kafka, nodeId));
        kafka.kill(nodeId);
    }

    /** Starts broker {@code nodeId} again on its ports and data; returns once it answers. */
    public synchronized void restartBroker(int nodeId, Duration timeout) {
        KafkaCluster kafka = kafka();
        kafka.restart(nodeId, timeout);
        Infrastructure.registerBroker(children, kafka, nodeId);
    }

    /** Crashes PostgreSQL ({@code pg_ctl stop -m immediate}); returns once the postmaster is gone. */
    public synchronized void crashPostgres() {
        if (postgresBinaries != null) {
            throw new IllegalStateException("PostgreSQL is down already");
        }
        children.release("postgres");
        postgresBinaries = Database.crash(dataDirectory(), Duration.ofSeconds(30));
    }

    /**
     * Starts PostgreSQL again after {@link #crashPostgres()} on the same port and data with fsync and synchronous
     * commits on (as {@code deploy/run} runs it); returns once it accepts connections (the WAL replayed).
     */
    public synchronized void restartPostgres(Duration timeout) {
        if (postgresBinaries == null) {
            throw new IllegalStateException("PostgreSQL was not crashed by crashPostgres()");
        }
        long pid = Database.restart(postgresBinaries, dataDirectory(), postgresPort, home.resolve("logs/postgres.log"),
                timeout, true);
        postgresBinaries = null;
        Path data = dataDirectory();
        children.add("postgres", ChildProcesses.Stage.DATABASE, pid, grace -> Database.stop(data, grace));
    }

    private Path dataDirectory() {
        return infrastructure.database().dataDirectory();
    }
}
