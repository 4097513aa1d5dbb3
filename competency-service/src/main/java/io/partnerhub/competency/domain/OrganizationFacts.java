package io.partnerhub.competency.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What an organisation has, as projected from events: its current members with their credentials, and its
 * performance figures. A credential is a certification id or {@code assessment:<id>}. All of it: what-if, the
 * forecast and the unit tests; events read a bounded extract of the same {@link Facts}.
 */
public record OrganizationFacts(List<Member> members, List<Figure> figures) implements Facts {

    public OrganizationFacts {
        members = List.copyOf(members);
        figures = List.copyOf(figures);
    }

    @Override
    public Holders holders(Set<String> credentials) {
        List<Holders.Holder> all = new ArrayList<>();
        for (Member member : members) {
            member.credentials().stream().filter(c -> credentials.contains(c.credential()))
                    .map(c -> new Holders.Holder(member.candidateId(), c.credential(), c.expiresAt()))
                    .sorted(Holders.LONGEST_LASTING).findFirst().ifPresent(all::add);
        }
        return Holders.complete(all);
    }

    public record Member(String candidateId, List<Credential> credentials) {
        public Member {
            Objects.requireNonNull(candidateId, "candidateId");
            credentials = List.copyOf(credentials);
        }
    }

    /** An active certification (expiresAt null = never) or a passed assessment (never expires). */
    public record Credential(String credential, Instant expiresAt) {
        public Credential {
            Objects.requireNonNull(credential, "credential");
        }

        public boolean activeAt(Instant at) {
            return expiresAt == null || expiresAt.isAfter(at);
        }
    }

    /**
     * A reported figure for a period (both days included) from a reporting {@code source}, known since
     * {@code reportedAt} (null: before anything else); it counts in the 12 months that contain its periodEnd, as
     * {@link Figures} says.
     */
    public record Figure(Metric metric, BigDecimal value, LocalDate periodStart, LocalDate periodEnd, String source,
            Instant reportedAt) {
        public Figure {
            Objects.requireNonNull(metric, "metric");
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(periodEnd, "periodEnd");
            if (periodStart == null || periodStart.isAfter(periodEnd)) {
                periodStart = periodEnd;
            }
            source = source == null ? UNKNOWN_SOURCE : source;
        }

        /** A figure of an unknown source reported before any other. */
        public Figure(Metric metric, BigDecimal value, LocalDate periodStart, LocalDate periodEnd) {
            this(metric, value, periodStart, periodEnd, UNKNOWN_SOURCE, null);
        }
    }

    /** The source of figures stored before sources were recorded (membership's 'unknown'). */
    public static final String UNKNOWN_SOURCE = "unknown";
}
