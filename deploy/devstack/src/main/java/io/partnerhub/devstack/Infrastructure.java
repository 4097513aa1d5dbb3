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
    private final KafkaBroker broker;
    private final SigningKeys keys;
    private final MailServer mail;
    private final MailInbox inbox;

    private Infrastructure(Database database, KafkaBroker broker, SigningKeys keys, MailServer mail, MailInbox inbox) {
        this.database = database;
        this.broker = broker;
        this.keys = keys;
        this.mail = mail;
        this.inbox = inbox;
    }

    /** Starts the broker (its JVM boots while PostgreSQL initialises), PostgreSQL, the databases and the topics. */
    static Infrastructure start(Path home, int postgresPort, int kafkaPort, int controllerPort, List<ServiceSpec> services,
                               ChildProcesses children, Progress progress) {
        SigningKeys keys = SigningKeys.loadOrGenerate(home.resolve("keys"));
        long started = System.nanoTime();
        progress.say("starting Kafka broker (KRaft) on localhost:%d ...", kafkaPort);
        KafkaBroker broker = KafkaBroker.launch(home.resolve("kafka"), kafkaPort, controllerPort, home.resolve("logs/kafka.log"), "384m");
        children.add("kafka", ChildProcesses.Stage.BROKER, broker.pid(), broker::stop);
        progress.say("starting PostgreSQL on localhost:%d ...", postgresPort);
        Database database = Database.start(home.resolve("postgres"), postgresPort, false, home.resolve("logs/postgres.log"));
        children.add("postgres", ChildProcesses.Stage.DATABASE, database.postmasterPid(), grace -> database.close());
        List<String> databases = services.stream().map(ServiceSpec::database).filter(Objects::nonNull).toList();
        database.ensureDatabases(databases);
        progress.say("PostgreSQL ready (databases %s)", databases.stream().collect(Collectors.joining(", ")));
        broker.awaitReady(Duration.ofSeconds(120));
        Topics.create(broker.bootstrapServers(), Topics.all());
        progress.say("Kafka ready, topics %s (%.1f s)", String.join(", ", Topics.all()), (System.nanoTime() - started) / 1e9);
        MailServer mail = startMail();
        MailInbox inbox = startInbox(mail);
        progress.say("SMTP server (GreenMail) on localhost:%d, its inbox at %s", mail.port(), inbox.url());
        return new Infrastructure(database, broker, keys, mail, inbox);
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
        return broker.bootstrapServers();
    }

    SigningKeys keys() {
        return keys;
    }
}
