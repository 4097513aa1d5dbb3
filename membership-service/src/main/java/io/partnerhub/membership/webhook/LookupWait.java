package io.partnerhub.membership.webhook;

import java.time.Duration;
import java.time.Instant;

/**
 * How long the delivery look-up waits for its next look when nothing wakes it (plain Java): {@code poll} after a look
 * that found due deliveries (a pass may leave some, or another instance held the endpoint) or when the earliest
 * pending attempt is that close; else until that attempt, at most {@code idle}; {@code idle} when nothing is pending.
 * What queues work here wakes the look-up at once (a queuing commit, a re-enabled endpoint, a pass that sent
 * something), so the longer wait only bounds work queued by another instance that died before its own look-up, and a
 * clock that jumped (the demo's).
 */
public record LookupWait(Duration poll, Duration idle) {

    public LookupWait {
        if (poll.isNegative() || poll.isZero() || idle.compareTo(poll) < 0) {
            throw new IllegalArgumentException("the look-up needs 0 < poll-interval <= idle-poll-interval");
        }
    }

    /**
     * @param foundDue    whether the look found deliveries due
     * @param nextAttempt the earliest attempt pending at an active endpoint (null: none)
     */
    public Duration after(boolean foundDue, Instant nextAttempt, Instant now) {
        if (foundDue) {
            return poll;
        }
        if (nextAttempt == null) {
            return idle;
        }
        Duration until = Duration.between(now, nextAttempt);
        return until.compareTo(poll) < 0 ? poll : until.compareTo(idle) > 0 ? idle : until;
    }
}
