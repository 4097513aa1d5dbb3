package io.partnerhub.membership.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * What membership knows of one competency of an organisation, from the competency events: the level attained, until
 * when, and whether it is at risk (and why).
 */
public record CompetencyStanding(String competencyId, CompetencyLevel level, LocalDate validUntil, boolean atRisk,
        List<String> reasons) {

    public CompetencyStanding {
        reasons = reasons == null ? List.of() : List.copyOf(reasons);
    }

    /** Attained at {@code required} (or higher) and not past its valid-until on {@code today}. */
    public boolean attains(MembershipLevel required, LocalDate today) {
        return level.meets(required) && (validUntil == null || !validUntil.isBefore(today));
    }

    /** Attained and not at risk: the requirements hold now. */
    public boolean holds(MembershipLevel required, LocalDate today) {
        return attains(required, today) && !atRisk;
    }
}
