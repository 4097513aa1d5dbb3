package io.partnerhub.membership.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * Issue 27, the public partner directory: what a listed organisation shows,.
 * Only facts that are public already (as the organisation's verifiable credentials and its business profile) appear:
 * each competency attained at Silver or Gold whose valid-until has not passed, with that level (at risk or not is not
 * shown), and each designation held. Never people, figures, reasons or subscriptions.
 */
public final class PartnerDirectory {

    private PartnerDirectory() {
    }

    public record PublicCompetency(String competencyId, CompetencyLevel level) {
    }

    public record PublicDesignation(String solutionAreaId, String name) {
    }

    /** The competencies an organisation shows on {@code today}: attained, not past valid-until, by id. */
    public static List<PublicCompetency> competencies(List<CompetencyStanding> standings, LocalDate today) {
        return standings.stream().filter(s -> s.attains(MembershipLevel.SILVER, today))
                .sorted(Comparator.comparing(CompetencyStanding::competencyId))
                .map(s -> new PublicCompetency(s.competencyId(), s.level())).toList();
    }

    /** The designations an organisation shows: the ones held (an at-risk one is still held), by solution area. */
    public static List<PublicDesignation> designations(List<DesignationStanding> standings) {
        return standings.stream().filter(DesignationStanding::held)
                .sorted(Comparator.comparing(DesignationStanding::solutionAreaId))
                .map(d -> new PublicDesignation(d.solutionAreaId(), d.name())).toList();
    }
}
