package io.partnerhub.competency.live;

import java.time.Duration;
import java.util.Locale;

import io.partnerhub.chassis.problem.DomainException;

/**
 * 429 {@code too-many-streams}: the token's subject or the organisation already has its maximum of live streams open
 * on this instance. The answer carries {@code Retry-After} and the limits.
 */
public class TooManyStreams extends DomainException {

    /** Which count is full. */
    public enum Limit {
        SUBJECT, ORGANIZATION
    }

    public TooManyStreams(Limit limit, int maxPerSubject, int maxPerOrganization, Duration retryAfter) {
        super(429, "too-many-streams", "Too many live streams", (limit == Limit.SUBJECT
                ? "This token already has " + maxPerSubject + " live streams open"
                : "This organisation already has " + maxPerOrganization + " live streams open")
                + " (at most " + maxPerSubject + " per token subject and " + maxPerOrganization + " per organisation on each"
                + " instance); close one, or retry in " + Math.max(1, retryAfter.toSeconds()) + " s.");
        with("limit", limit.name().toLowerCase(Locale.ROOT));
        with("maxPerSubject", maxPerSubject);
        with("maxPerOrganization", maxPerOrganization);
        retryAfter(retryAfter.toSeconds());
    }
}
