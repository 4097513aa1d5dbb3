package io.partnerhub.membership.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * What membership knows of an organisation's achievements under both programmes: its competency standings (Silver/Gold,
 * M5/M6) and its designation standings (Solutions Partner, M7). A pack is earned by the model it belongs to.
 */
public record Standings(List<CompetencyStanding> competencies, List<DesignationStanding> designations) {

    public Standings {
        competencies = List.copyOf(competencies);
        designations = List.copyOf(designations);
    }

    public static Standings ofCompetencies(List<CompetencyStanding> competencies) {
        return new Standings(competencies, List.of());
    }

    /**
     * M5/M7 earned: one competency attained at the level (or higher; an at-risk one is still attained), or for the
     * Solutions Partner pack one designation held (an at-risk one is still held).
     */
    public boolean earned(MembershipLevel level, LocalDate today) {
        if (level.byDesignation()) {
            return designations.stream().anyMatch(DesignationStanding::held);
        }
        return competencies.stream().anyMatch(s -> s.attains(level, today));
    }

    /** M6/M7 the requirements hold now: as {@link #earned}, and not at risk. */
    public boolean hold(MembershipLevel level, LocalDate today) {
        if (level.byDesignation()) {
            return designations.stream().anyMatch(d -> d.held() && !d.atRisk());
        }
        return competencies.stream().anyMatch(s -> s.holds(level, today));
    }

    /** The designations held, by solution area id, for the profile. */
    public List<String> heldDesignations() {
        return designations.stream().filter(DesignationStanding::held).map(DesignationStanding::solutionAreaId).sorted()
                .toList();
    }
}
