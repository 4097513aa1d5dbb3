package io.partnerhub.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The knobs, as -D system properties (the run script sets them from its options). */
final class Settings {

    /** The gateway (deploy/run's by default, or any gateway URL). */
    static final String URL = System.getProperty("day.url", "http://localhost:8080");
    /** The devstack's demo key pair (deploy/run writes it on its first start). */
    static final Path KEYS = Path.of(System.getProperty("day.keys", "../../../.devstack/keys"));
    /** The length of the programme day (the soak: 10). */
    static final Duration DAY = Duration.ofSeconds(Math.round(Double.parseDouble(System.getProperty("day.minutes", "3")) * 60));
    /** Multiplies every arrival rate of the day model (README: the table at scale 1). */
    static final double SCALE = Double.parseDouble(System.getProperty("day.scale", "1"));
    /** Organisations made for the day, each with {@link #PEOPLE} associated employees. */
    static final int ORGS = Integer.getInteger("day.orgs", 40);
    static final int PEOPLE = Integer.getInteger("day.people", 6);
    /** Kafka's bootstrap servers, for the consumer lag (empty: not measured). */
    static final String KAFKA = System.getProperty("day.kafka", "localhost:19092");
    /** Exam- and certification-service's own ports: their clocks are moved back to earn holdings due for renewal. */
    static final List<String> CLOCKS = List.of(System.getProperty("day.clocks", "http://localhost:8081,http://localhost:8082")
            .split(",")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    /** One propagation probe (a result, then the organisation's status polled until Silver) every so often. */
    static final Duration PROBE_EVERY = Duration.ofMillis(Long.getLong("day.probe.millis", 2000));
    /** The results-at-capacity phase after the day: concurrent providers and its length. */
    static final int CAPACITY_CLIENTS = Integer.getInteger("day.capacity.clients", 8);
    static final Duration CAPACITY = Duration.ofSeconds(Long.getLong("day.capacity.seconds", 30));
    static final int CAPACITY_BOOKINGS = Integer.getInteger("day.capacity.bookings", 2500);
    /** deploy/run's record of its children (CPU per result in the capacity phase). */
    static final Path PIDS = KEYS.toAbsolutePath().getParent().resolve("pids");
    /**
     * A file written when the day model ends and the capacity phase starts (empty: none): the run script takes a memory
     * sample then, so that the soak's growth is measured over the day model and not over the capacity burst.
     */
    static final String DAY_END_MARK = System.getProperty("day.end.mark", "");
    /** Where the figures for the run script's summary go (key=value lines). */
    static final Path FIGURES = Path.of(System.getProperty("day.figures", "target/programme-day-figures.properties"));

    /** Sittings of the day (registration, then the result 3 s later) per second at scale 1. */
    static final double SITTINGS_PER_SECOND = 2.0;
    static final double RENEWALS_PER_SECOND = 0.2;

    private Settings() {
    }

    static int expected(double perSecondAtScale1) {
        return (int) Math.ceil(perSecondAtScale1 * SCALE * DAY.toSeconds() * 1.2) + 5;
    }
}
