package io.partnerhub.competency.domain;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The members of an organisation who hold one of a skill set's credentials, longest-lasting first: each with the
 * credential of theirs that lasts longest and until when ({@code until} null = never expires). {@code complete}: the list
 * holds every holder; otherwise it is the prefix the rules need (at least the largest requirement's size, see
 * {@link Facts#sampleSize}), and {@code activeNow} is the exact number of holders active at {@code now}.
 */
public record Holders(List<Holder> longestLasting, boolean complete, long activeNow, Instant now) {

    /** Longest-lasting first (never expiring first), then by candidate id: the order both kinds of facts agree on. */
    public static final Comparator<Holder> LONGEST_LASTING = Comparator
            .comparing(Holder::until, Comparator.nullsFirst(Comparator.<Instant>reverseOrder()))
            .thenComparing(Holder::candidateId);

    public record Holder(String candidateId, String credential, Instant until) {
        public Holder {
            Objects.requireNonNull(candidateId, "candidateId");
            Objects.requireNonNull(credential, "credential");
        }

        public boolean activeAt(Instant at) {
            return until == null || until.isAfter(at);
        }
    }

    public Holders {
        longestLasting = longestLasting.stream().sorted(LONGEST_LASTING).toList();
    }

    /** Every holder (one entry per person: the caller passes each person's longest-lasting credential). */
    public static Holders complete(List<Holder> all) {
        return new Holders(all, true, -1, null);
    }

    /**
     * How many hold one at {@code at} (not before {@code now} of a partial list). Exact when the list is complete, at
     * {@code now}, or when someone in the list no longer holds one by then (everyone after them expires sooner still);
     * otherwise a lower bound, the list's size, which is at least the individuals any requirement on the set needs.
     */
    public long activeAt(Instant at) {
        long inList = longestLasting.stream().filter(h -> h.activeAt(at)).count();
        if (complete || inList < longestLasting.size()) {
            return inList;
        }
        return at.equals(now) ? activeNow : inList;
    }

    /** Who counts at {@code at}: the first {@code cap} longest-lasting holders active then. */
    public List<Holder> counted(Instant at, int cap) {
        return longestLasting.stream().filter(h -> h.activeAt(at)).limit(cap).toList();
    }
}
