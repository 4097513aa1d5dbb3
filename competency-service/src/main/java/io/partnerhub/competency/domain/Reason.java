package io.partnerhub.competency.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Issue 27: why a level is at risk, lapsed or would be lost, as data beside the sentence ({@code text}, unchanged, what
 * events and membership's alerts carry). A client names the credentials and people from these ids instead of reading
 * them out of the sentence.
 *
 * @param kind        what happened
 * @param level       the level concerned
 * @param path        1-based path of the requirement (null when only the sentence is known)
 * @param requirement the requirement's description (its own sentence)
 * @param credentials certification ids (or {@code assessment:<id>}) the requirement lists, or the one that expires
 * @param people      candidate ids: who counts (not met), whose credential expires (expiry)
 * @param on          the day a credential expires (expiry), else null
 * @param text        the sentence
 */
public record Reason(Kind kind, Level level, Integer path, String requirement, List<String> credentials,
        List<String> people, LocalDate on, String text) {

    public enum Kind {
        /** A requirement of the level's best path does not hold. */
        REQUIREMENT_NOT_MET,
        /** A counted person's credential expires before valid-until and no one else replaces it. */
        CREDENTIAL_EXPIRES,
        /** More counted people's credentials expire than are named. */
        MORE_EXPIRE
    }

    public Reason {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(text, "text");
        credentials = credentials == null ? List.of() : List.copyOf(credentials);
        people = people == null ? List.of() : List.copyOf(people);
    }

    /** A reason known only by its sentence (stored before issue 27). */
    public static Reason ofText(String text) {
        return new Reason(Kind.REQUIREMENT_NOT_MET, null, null, null, List.of(), List.of(), null, text);
    }

    /** The sentences, as events and the history carry them. */
    public static List<String> texts(List<Reason> reasons) {
        return reasons.stream().map(Reason::text).toList();
    }
}
