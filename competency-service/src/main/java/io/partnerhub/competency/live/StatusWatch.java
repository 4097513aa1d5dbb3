package io.partnerhub.competency.live;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

import io.partnerhub.chassis.events.EventPublisher.EventsCommitted;
import io.partnerhub.competency.domain.Level;
import io.partnerhub.competency.events.CompetencyChanged;
import io.partnerhub.competency.projection.TypedRows;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.vertx.core.Vertx;

/**
 * K5 live: tells subscribers within {@code partnerhub.competency.live.interval} (250 ms) that an organisation's
 * competency status changed. One shared check per interval, only while someone listens, reads a fingerprint of the
 * watched organisations' status rows (count, sum of their optimistic-lock versions, newest update) straight from
 * {@code competency_status}: every instance sees every change, whichever instance's consumer applied it, so it works
 * unchanged with several replicas (a Kafka consumer would need a group per instance for that). Issue #25: besides the
 * interval, a check runs at once when a transaction of this instance that published an event of a watched organisation
 * commits (competency.* and designation events have the organisation as subject; {@link EventsCommitted}), and when a
 * stream subscribes (its first fingerprint is read at once); a change made on another instance still shows within the
 * interval.
 * <p>
 * Issue #25, stage 8: a committed local transaction that published a competency.* event (attained, renewed, at risk,
 * risk cleared, lapsed) of a watched organisation is announced at once, on the committing thread, without waiting for
 * the check (a worker-thread hop, a transaction and the fingerprint query): the watch already knows the status changed.
 * The check still runs after it, for changes that publish no event (progress) and for other instances' changes, so
 * such a change may be announced twice (at once, then by the check that reads its new fingerprint): a client's GET
 * after a {@code status} event is idempotent, and a missed change would be worse than a second event.
 * <p>
 * Issue #25, stage 9: the announcement of a local commit carries its competency.* events of the organisation
 * ({@link Change#changes()}: competency, event, level, valid-until, reasons), so that a portal shows the new level without
 * a GET; the check's announcements carry none (the client GETs as before).
 * {@code partnerhub.competency.live.announce-local-changes=false} leaves it to the check (to compare).
 */
@ApplicationScoped
public class StatusWatch {

    /**
     * What a subscriber is told: the organisation, when the watch saw the change and, when the change is announced from
     * a local commit that published competency.* events, those events (issue #25 stage 9: a portal updates without a
     * GET); null when the fingerprint check saw the change (another instance's, or one that publishes no event: progress).
     */
    public record Change(String organizationId, Instant seenAt,
            @JsonInclude(Include.NON_NULL) List<CompetencyChange> changes) {

        public Change(String organizationId, Instant seenAt) {
            this(organizationId, seenAt, null);
        }
    }

    /**
     * One competency.* event of a change as the stream tells it: what {@link CompetencyChanged} carries, with the event's
     * name ({@code attained}, {@code renewed}, {@code at-risk}, {@code risk-cleared}, {@code lapsed}) for its type. Only the
     * organisation's own status: what {@code GET /competency-status/{organizationId}/{competencyId}} shows the same callers.
     */
    public record CompetencyChange(String competencyId, String event, Level level, Instant validUntil, List<String> reasons) {

        /** The events of {@code organizationId} among {@code published}, in the order published; others are left out. */
        static List<CompetencyChange> of(String organizationId, List<CompetencyChanged> published) {
            return published.stream().filter(event -> organizationId.equals(event.organizationId()))
                    .map(event -> new CompetencyChange(event.competencyId(), name(event.type()), event.level(),
                            event.validUntil(), event.reasons() == null ? List.of() : event.reasons()))
                    .toList();
        }

        /** {@code io.partnerhub.competency.at-risk.v1} -> {@code at-risk}. */
        static String name(String type) {
            String name = type.startsWith(COMPETENCY_EVENTS) ? type.substring(COMPETENCY_EVENTS.length()) : type;
            int version = name.lastIndexOf(".v");
            return version > 0 ? name.substring(0, version) : name;
        }
    }

    /** The type prefix of the events that say an organisation's competency status changed ({@code CompetencyChanged}). */
    static final String COMPETENCY_EVENTS = "io.partnerhub.competency.";

    private final Vertx vertx;
    private final EntityManager entityManager;
    private final Duration interval;
    private final boolean announceLocalChanges;
    private final Map<String, Set<MultiEmitter<? super Change>>> subscribers = new ConcurrentHashMap<>();
    private final Map<String, String> fingerprints = new ConcurrentHashMap<>();
    private final AtomicBoolean checking = new AtomicBoolean();
    private final AtomicBoolean again = new AtomicBoolean(); // asked for while a check ran: check once more after it
    private long timer = -1;

    public StatusWatch(Vertx vertx, EntityManager entityManager,
            @ConfigProperty(name = "partnerhub.competency.live.interval", defaultValue = "250ms") Duration interval,
            @ConfigProperty(name = "partnerhub.competency.live.announce-local-changes", defaultValue = "true")
            boolean announceLocalChanges) {
        this.vertx = vertx;
        this.entityManager = entityManager;
        this.interval = interval;
        this.announceLocalChanges = announceLocalChanges;
    }

    void start(@Observes StartupEvent started) {
        timer = vertx.setPeriodic(interval.toMillis(), id -> check());
    }

    void stop(@Observes ShutdownEvent stopping) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        subscribers.values().forEach(emitters -> emitters.forEach(MultiEmitter::complete));
    }

    /** The changes of one organisation's statuses from now on (never completes on its own). */
    public Multi<Change> changes(String organizationId) {
        return Multi.createFrom().emitter(emitter -> {
            subscribers.computeIfAbsent(organizationId, o -> ConcurrentHashMap.newKeySet()).add(emitter);
            emitter.onTermination(() -> unsubscribe(organizationId, emitter));
            check(); // the first fingerprint at once, so that a change soon after subscribing is news
        });
    }

    /**
     * A local transaction that published events of these subjects committed: a watched organisation's competency.* events
     * are announced at once, with what they say (only those of that organisation: the subject is the organisation); check
     * now if one of them is watched.
     */
    void committed(@Observes EventsCommitted committed) {
        if (subscribers.isEmpty()) {
            return;
        }
        boolean watched = false;
        Instant seenAt = null;
        for (String organizationId : committed.subjects()) {
            Set<MultiEmitter<? super Change>> emitters = subscribers.get(organizationId);
            if (emitters == null) {
                continue;
            }
            watched = true;
            if (announceLocalChanges && committed.published(organizationId, COMPETENCY_EVENTS)) {
                seenAt = seenAt == null ? Instant.now() : seenAt;
                List<CompetencyChange> told = CompetencyChange.of(organizationId,
                        committed.published(organizationId, CompetencyChanged.class));
                Change change = new Change(organizationId, seenAt, told.isEmpty() ? null : told);
                emitters.forEach(emitter -> emitter.emit(change));
            }
        }
        if (watched) {
            check();
        }
    }

    /** How many streams are open (tests, metrics). */
    public int subscriberCount() {
        return subscribers.values().stream().mapToInt(Set::size).sum();
    }

    /**
     * Whether the watch has read a first fingerprint of the organisation's statuses, so that any later change of them is
     * news to its subscribers (what a test waits for before it causes a change).
     */
    boolean watches(String organizationId) {
        return fingerprints.containsKey(organizationId);
    }

    private void unsubscribe(String organizationId, MultiEmitter<? super Change> emitter) {
        subscribers.computeIfPresent(organizationId, (o, emitters) -> {
            emitters.remove(emitter);
            if (emitters.isEmpty()) {
                fingerprints.remove(o);
                return null;
            }
            return emitters;
        });
    }

    private void check() {
        if (subscribers.isEmpty()) {
            return;
        }
        if (!checking.compareAndSet(false, true)) {
            again.set(true); // the running check may have read before the change
            return;
        }
        vertx.executeBlocking(() -> {
            List<String> watched = List.copyOf(subscribers.keySet());
            Map<String, String> now = QuarkusTransaction.requiringNew().call(() -> read(watched));
            Instant seenAt = Instant.now();
            for (String organizationId : watched) {
                String fingerprint = now.getOrDefault(organizationId, "none");
                String before = fingerprints.put(organizationId, fingerprint);
                if (before != null && !Objects.equals(before, fingerprint)) {
                    Set<MultiEmitter<? super Change>> emitters = subscribers.get(organizationId);
                    if (emitters != null) {
                        Change change = new Change(organizationId, seenAt);
                        emitters.forEach(emitter -> emitter.emit(change));
                    }
                }
            }
            return null;
        }, false).onComplete(done -> {
            checking.set(false);
            if (done.failed()) {
                Log.debugf(done.cause(), "Live status check failed; next try in %s", interval);
            } else if (again.getAndSet(false)) {
                check();
            }
        });
    }

    /** An organisation's statuses summed up: it changes whenever one of them is stored again. */
    public record Fingerprint(String organizationId, String fingerprint) {
    }

    private Map<String, String> read(List<String> organizationIds) {
        List<Fingerprint> rows = TypedRows.query(entityManager, "SELECT organization_id, count(*) || '/' || coalesce(sum(version), 0)"
                + " || '/' || coalesce(CAST(max(updated_at) AS text), '') AS fingerprint"
                + " FROM competency_status WHERE organization_id IN (:organizations) GROUP BY organization_id",
                Fingerprint.class, "organization_id", "fingerprint")
                .setParameter("organizations", organizationIds).getResultList();
        Map<String, String> fingerprints = new ConcurrentHashMap<>();
        for (Fingerprint row : rows) {
            fingerprints.put(row.organizationId(), row.fingerprint());
        }
        return fingerprints;
    }
}
