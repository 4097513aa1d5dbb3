package io.partnerhub.devstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The suite's infrastructure: PostgreSQL with one database per service, the Kafka broker with the topics, the
 * signing keys, and the local demo's SMTP server with its inbox page (in this JVM: they end with it). Both child
 * servers are handed to {@link ChildProcesses}, which stops them (the broker before PostgreSQL).
 */
final class Infrastructure {

    private final Database database;
    private final KafkaCluster kafka;
    private final SigningKeys keys;
    private final MailServer mail;
    private final MailInbox inbox;

    private Infrastructure(Database database, KafkaCluster kafka, SigningKeys keys, MailServer mail, MailInbox inbox) {
        this.database = database;
        this.kafka = kafka;
        this.keys = keys;
        this.mail = mail;
        this.inbox = inbox;
    }

    /** Starts the broker (its JVM boots while PostgreSQL initialises), PostgreSQL, the databases and the topics. */
    static Infrastructure start(Path home, int postgresPort, int kafkaPort, int controllerPort, int brokers,
                               List<ServiceSpec> services, ChildProcesses children, Progress progress) {
        SigningKeys keys = SigningKeys.loadOrGenerate(home.resolve("keys"));
        long started = System.nanoTime();
        progress.say(brokers == 1 ? "starting Kafka broker (KRaft) on localhost:%d ..."
                : "starting a Kafka cluster of " + brokers + " brokers (KRaft) from localhost:%d ...", kafkaPort);
        // one node keeps its data where it always was (.devstack/kafka); a cluster's nodes in kafka-cluster/node-<i>
        KafkaCluster kafka = KafkaCluster.launch(home.resolve(brokers == 1 ? "kafka" : "kafka-cluster"), brokers, kafkaPort,
                controllerPort, home.resolve("logs"), brokers == 1 ? "384m" : "256m");
        for (KafkaBroker.Node node : kafka.nodes()) {
            registerBroker(children, kafka, node.id());
        }
        progress.say("starting PostgreSQL on localhost:%d ...", postgresPort);
        Database database = Database.start(home.resolve("postgres"), postgresPort, false, home.resolve("logs/postgres.log"));
        children.add("postgres", ChildProcesses.Stage.DATABASE, database.postmasterPid(), grace -> database.close());
        List<String> databases = services.stream().map(ServiceSpec::database).filter(Objects::nonNull).toList();
        database.ensureDatabases(databases);
        progress.say("PostgreSQL ready (databases %s)", databases.stream().collect(Collectors.joining(", ")));
        kafka.awaitReady(Duration.ofSeconds(120));
        Topics.create(kafka.bootstrapServers(), Topics.all(), kafka.replicationFactor());
        progress.say("Kafka ready on %s, topics %s, %d replica(s) each (%.1f s)", kafka.bootstrapServers(),
                String.join(", ", Topics.all()), kafka.replicationFactor(), (System.nanoTime() - started) / 1e9);
        MailServer mail = startMail();
        MailInbox inbox = startInbox(mail);
        progress.say("SMTP server (GreenMail) on localhost:%d, its inbox at %s", mail.port(), inbox.url());
        return new Infrastructure(database, kafka, keys, mail, inbox);
    }

    /** The broker of node {@code nodeId} as a child to stop with the others (and by the reaper). */
    static void registerBroker(ChildProcesses children, KafkaCluster kafka, int nodeId) {
        KafkaBroker broker = kafka.broker(nodeId);
        children.add(brokerName(kafka, nodeId), ChildProcesses.Stage.BROKER, broker.pid(), broker::stop);
    }

    static String brokerName(KafkaCluster kafka, int nodeId) {
        return kafka.size() == 1 ? "kafka" : "kafka-" + nodeId;
    }

    /** The demo SMTP server on {@value #SMTP_PORT} (membership-service's %dev profile points there), else a free port. */
    private static MailServer startMail() {
        try {
            return MailServer.start(SMTP_PORT);
        } catch (RuntimeException taken) {
            return MailServer.start(0);
        }
    }

    private static MailInbox startInbox(MailServer mail) {
        try {
            try {
                return MailInbox.start(mail, MailInbox.PORT);
            } catch (java.net.BindException taken) {
                return MailInbox.start(mail, 0);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot serve the demo inbox page", e);
        }
    }

    static final int SMTP_PORT = 13025;

    int smtpPort() {
        return mail.port();
    }

    String inboxUrl() {
        return inbox.url();
    }

    String jdbcUrl(String databaseName) {
        return database.jdbcUrl(databaseName);
    }

    String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    KafkaCluster kafka() {
        return kafka;
    }

    Database database() {
        return database;
    }

    SigningKeys keys() {
        return keys;
    }
}
