package io.partnerhub.competency.live;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.partnerhub.competency.config.CompetencyConfig;

/**
 * K5c: the live streams this instance has open, counted per token subject and per organisation, so that one token
 * (or one organisation's people) cannot hold every connection the gateway has toward the service. A stream takes a
 * {@link Slot} before it starts and gives it back when it ends, whatever ends it (the client going away, an error, the
 * token's expiry); {@link Slot#release()} is idempotent. Counts are this instance's own: with several replicas a
 * subject may hold {@code max-per-subject} streams on each.
 */
@ApplicationScoped
public class StreamSlots {

    /** One open stream's share of the counts; {@link #release()} gives it back (once, however often called). */
    public final class Slot {
        private final String subject;
        private final String organizationId;
        private final AtomicBoolean released = new AtomicBoolean();

        private Slot(String subject, String organizationId) {
            this.subject = subject;
            this.organizationId = organizationId;
        }

        public void release() {
            if (released.compareAndSet(false, true)) {
                StreamSlots.this.release(this);
            }
        }
    }

    private final int maxPerSubject;
    private final int maxPerOrganization;
    private final Duration retryAfter;
    private final Map<String, Integer> bySubject = new HashMap<>();
    private final Map<String, Integer> byOrganization = new HashMap<>();

    @Inject
    public StreamSlots(CompetencyConfig config) {
        this(config.streams().maxPerSubject(), config.streams().maxPerOrganization(), config.streams().retryAfter());
    }

    StreamSlots(int maxPerSubject, int maxPerOrganization, Duration retryAfter) {
        this.maxPerSubject = maxPerSubject;
        this.maxPerOrganization = maxPerOrganization;
        this.retryAfter = retryAfter;
    }

    /**
     * A slot for one more stream of {@code subject} on {@code organizationId}'s changes.
     *
     * @throws TooManyStreams when the subject or the organisation already has its maximum open here
     */
    public synchronized Slot take(String subject, String organizationId) {
        int subjects = bySubject.getOrDefault(subject, 0);
        int organizations = byOrganization.getOrDefault(organizationId, 0);
        if (subjects >= maxPerSubject) {
            throw new TooManyStreams(TooManyStreams.Limit.SUBJECT, maxPerSubject, maxPerOrganization, retryAfter);
        }
        if (organizations >= maxPerOrganization) {
            throw new TooManyStreams(TooManyStreams.Limit.ORGANIZATION, maxPerSubject, maxPerOrganization, retryAfter);
        }
        bySubject.put(subject, subjects + 1);
        byOrganization.put(organizationId, organizations + 1);
        return new Slot(subject, organizationId);
    }

    /** Streams open on this instance (tests, metrics). */
    public synchronized int open() {
        return bySubject.values().stream().mapToInt(Integer::intValue).sum();
    }

    private synchronized void release(Slot slot) {
        bySubject.computeIfPresent(slot.subject, (s, n) -> n > 1 ? n - 1 : null);
        byOrganization.computeIfPresent(slot.organizationId, (o, n) -> n > 1 ? n - 1 : null);
    }
}
