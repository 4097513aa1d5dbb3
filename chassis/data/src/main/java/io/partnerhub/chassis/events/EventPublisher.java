package io.partnerhub.chassis.events;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.InjectableInstance;
import io.quarkus.logging.Log;

/**
 * Transactional outbox writer: {@link #publish} stores the event in {@code outbox_event} inside the caller's
 * transaction; the {@link OutboxRelay} sends it to Kafka after the commit. A rolled-back transaction leaves nothing.
 */
@ApplicationScoped
public class EventPublisher {

    private static final String INSERT = "INSERT INTO outbox_event (id, topic, event_key, event_type, payload, created_at,"
            + " traceparent) VALUES (?, ?, ?, ?, ?::json, ?, ?)";
    private static final String WAKE_KEY = EventPublisher.class.getName() + ".wake";

    private final InjectableInstance<DataSource> dataSource;
    private final ObjectMapper objectMapper;
    private final Clock clock;
    private final TransactionSynchronizationRegistry registry;
    private final OutboxRelay relay;
    private final Event<EventsCommitted> committed;
    private final Optional<String> topic;
    private final String source;

    public EventPublisher(InjectableInstance<DataSource> dataSource, ObjectMapper objectMapper, Clock clock,
            TransactionSynchronizationRegistry registry, OutboxRelay relay, EventsConfig config,
            Event<EventsCommitted> committed) {
        this.dataSource = dataSource;
        this.objectMapper = objectMapper;
        this.clock = clock;
        this.registry = registry;
        this.relay = relay;
        this.committed = committed;
        this.topic = config.topic();
        this.source = config.source();
    }

    /**
     * Writes the event to the outbox in the caller's transaction (there must be one, else
     * {@code TransactionRequiredException}); the relay sends it after the commit.
     */
    @Transactional(TxType.MANDATORY)
    public void publish(DomainEvent event) {
        publishCloudEvent(event);
    }

    /**
     * Same as {@link #publish}, and returns the CloudEvent that will be sent (its id is the event id consumers
     * de-duplicate on).
     */
    @Transactional(TxType.MANDATORY)
    public CloudEvent publishCloudEvent(DomainEvent event) {
        Objects.requireNonNull(event, "event");
        String destination = topic.orElseThrow(() -> new IllegalStateException(
                "partnerhub.events.topic is not set: this service cannot publish " + event.type()));
        if (event.subject() == null || event.subject().isBlank()) {
            throw new IllegalArgumentException(event.type() + " has no subject");
        }
        JsonNode data = objectMapper.valueToTree(event);
        CloudEvent cloudEvent = CloudEvent.of(source, event.type(), event.subject(), clock.instant(), data);
        String payload;
        try {
            payload = objectMapper.writeValueAsString(cloudEvent);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + event.type(), e);
        }
        try (Connection connection = dataSource.get().getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, UUID.fromString(cloudEvent.id()));
            insert.setString(2, destination);
            insert.setString(3, cloudEvent.subject());
            insert.setString(4, cloudEvent.type());
            insert.setString(5, payload);
            insert.setTimestamp(6, Timestamp.from(java.time.Instant.now()));
            insert.setString(7, Tracing.currentTraceparent()); // the request's trace continues in the consumers
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write " + event.type() + " to the outbox", e);
        }
        wakeRelayAfterCommit(event);
        return cloudEvent;
    }

    private void wakeRelayAfterCommit(DomainEvent event) {
        Published published = (Published) registry.getResource(WAKE_KEY);
        if (published != null) {
            published.add(event);
            return;
        }
        Published first = new Published();
        first.add(event);
        registry.putResource(WAKE_KEY, first);
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                    try {
                        committed.fire(first.committed());
                    } catch (RuntimeException e) { // the transaction is committed: an observer's failure changes nothing
                        Log.debugf(e, "An observer of EventsCommitted failed");
                    }
                }
            }
        });
    }

    /** What one transaction published, per subject in the order published (one transaction, one thread). */
    private static final class Published {

        private final Map<String, List<DomainEvent>> events = new LinkedHashMap<>();

        void add(DomainEvent event) {
            events.computeIfAbsent(event.subject(), s -> new ArrayList<>()).add(event);
        }

        EventsCommitted committed() {
            Map<String, Set<String>> types = new LinkedHashMap<>();
            Map<String, List<DomainEvent>> bySubject = new LinkedHashMap<>();
            events.forEach((subject, published) -> {
                Set<String> ofSubject = new LinkedHashSet<>();
                published.forEach(event -> ofSubject.add(event.type()));
                types.put(subject, Set.copyOf(ofSubject));
                bySubject.put(subject, List.copyOf(published));
            });
            return new EventsCommitted(Set.copyOf(events.keySet()), Map.copyOf(types), Map.copyOf(bySubject));
        }
    }

    /**
     * The subjects a committed transaction published events of (fired after its commit), per subject the event types,
     * and per subject the events themselves in the order published (issue #25: competency-service's live watch announces
     * a competency.* change of a watched organisation at once, with what changed). The events are the publisher's
     * records as written to the outbox: an observer must only pass on to a caller what that caller may see.
     */
    public record EventsCommitted(Set<String> subjects, Map<String, Set<String>> types,
            Map<String, List<DomainEvent>> events) {

        public EventsCommitted(Set<String> subjects) {
            this(subjects, Map.of());
        }

        public EventsCommitted(Set<String> subjects, Map<String, Set<String>> types) {
            this(subjects, types, Map.of());
        }

        /** Whether an event of {@code subject} whose type starts with {@code typePrefix} was published. */
        public boolean published(String subject, String typePrefix) {
            Set<String> ofSubject = types.get(subject);
            return ofSubject != null && ofSubject.stream().anyMatch(type -> type.startsWith(typePrefix));
        }

        /** The events of {@code subject} that are of {@code kind}, in the order published (empty: none, or not carried). */
        public <E extends DomainEvent> List<E> published(String subject, Class<E> kind) {
            List<DomainEvent> ofSubject = events.getOrDefault(subject, List.of());
            return ofSubject.stream().filter(kind::isInstance).map(kind::cast).toList();
        }
    }
}
