package io.partnerhub.competency.designation;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.partnerhub.competency.domain.designation.QualificationWindow;

/**
 * The side by side (issue 22): both programme models of an organisation read from the same projections — competency
 * levels (competency_status) and designations (designation_status, its qualifying days and the dated facts) — and the
 * what-if of switching from Silver/Gold to designations on a date: per organisation and area, who keeps (a designation
 * held on that date, and a competency it replaces held too), gains (the designation only) and loses (a replaced
 * competency held, no designation).
 */
@ApplicationScoped
public class ProgrammeSwitch {

    public enum Outcome {
        KEEPS, GAINS, LOSES, NEITHER
    }

    public record HeldCompetency(String competencyId, String level, boolean atRisk, Instant validUntil) {
    }

    @Schema(description = "One area on the date: the designation under the new model and the replaced competencies under the old")
    public record AreaOutcome(String solutionAreaId, String solutionAreaName, List<String> replaces, boolean designationHeld,
            List<HeldCompetency> competenciesHeld, Outcome outcome) {
    }

    public record OrganizationOutcome(String organizationId, LocalDate on, List<AreaOutcome> areas) {
    }

    private final AreaCatalogue catalogue;
    private final DesignationFacts facts;
    private final DesignationStore store;
    private final EntityManager em;

    public ProgrammeSwitch(AreaCatalogue catalogue, DesignationFacts facts, DesignationStore store, EntityManager em) {
        this.catalogue = catalogue;
        this.facts = facts;
        this.store = store;
        this.em = em;
    }

    /** The organisations registered (or with a status), by id: the what-if's population for ops. */
    @SuppressWarnings("unchecked")
    public List<String> organizations(int firstResult, int size) {
        return em.createNativeQuery("SELECT id FROM (SELECT id FROM organization UNION SELECT organization_id FROM designation_status"
                + " UNION SELECT organization_id FROM competency_status) o ORDER BY id").setFirstResult(firstResult).setMaxResults(size)
                .getResultList();
    }

    public long countOrganizations() {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM (SELECT id FROM organization UNION SELECT organization_id"
                + " FROM designation_status UNION SELECT organization_id FROM competency_status) o").getSingleResult()).longValue();
    }

    /** The what-if on {@code on} for one organisation. */
    public OrganizationOutcome simulate(String organizationId, LocalDate on) {
        Map<String, HeldCompetency> competencies = competenciesHeld(organizationId, on);
        Map<String, DesignationStore.StatusRow> rows = new HashMap<>();
        store.statuses(organizationId).forEach(r -> rows.put(r.solutionAreaId(), r));
        List<AreaOutcome> areas = new ArrayList<>();
        for (AreaCatalogue.Area area : catalogue.all()) {
            boolean designation = designationHeld(organizationId, area, Optional.ofNullable(rows.get(area.id())), on);
            List<HeldCompetency> replaced = area.replaces().stream().map(competencies::get).filter(c -> c != null).toList();
            Outcome outcome = designation ? (replaced.isEmpty() ? Outcome.GAINS : Outcome.KEEPS)
                    : (replaced.isEmpty() ? Outcome.NEITHER : Outcome.LOSES);
            areas.add(new AreaOutcome(area.id(), area.name(), area.replaces(), designation, replaced, outcome));
        }
        return new OrganizationOutcome(organizationId, on, areas);
    }

    /**
     * Held on {@code on}: the window of that day holds a qualifying day — the stored ones up to the last evaluated day,
     * after it the days judged from the dated facts (facts in force continue: what the organisation has now).
     */
    boolean designationHeld(String organizationId, AreaCatalogue.Area area, Optional<DesignationStore.StatusRow> row, LocalDate on) {
        QualificationWindow window = QualificationWindow.on(on);
        LocalDate last = row.map(DesignationStore.StatusRow::lastEvaluated).orElse(null);
        TreeSet<LocalDate> stored = row.isPresent() ? store.qualifyingDays(organizationId, area.id(), DesignationStore.DESIGNATION)
                : new TreeSet<>();
        LocalDate storedFrom = last == null ? on.plusDays(1) : QualificationWindow.on(last).from(); // days kept from here to last
        Scores[] scores = new Scores[1];
        return window.from().datesUntil(on.plusDays(1)).anyMatch(day -> {
            if (last != null && !day.isBefore(storedFrom) && !day.isAfter(last)) {
                return stored.contains(day);
            }
            if (scores[0] == null) {
                scores[0] = new Scores(area.domain(), facts.load(organizationId, area.id(), window.from()));
            }
            return scores[0].qualifies(day);
        });
    }

    /** Competency levels held on {@code on}: attained, and (at risk) still displayed until valid-until. */
    private Map<String, HeldCompetency> competenciesHeld(String organizationId, LocalDate on) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT competency_id, level, at_risk, valid_until FROM competency_status"
                + " WHERE organization_id = ?1 AND level <> 'NONE'").setParameter(1, organizationId).getResultList();
        Map<String, HeldCompetency> held = new HashMap<>();
        for (Object[] row : rows) {
            Instant validUntil = row[3] == null ? null : row[3] instanceof Timestamp t ? t.toInstant() : (Instant) row[3];
            boolean atRisk = Boolean.TRUE.equals(row[2]);
            boolean holds = validUntil == null || !atRisk
                    || !on.isAfter(LocalDate.ofInstant(validUntil, ZoneOffset.UTC));
            if (holds) {
                held.put((String) row[0], new HeldCompetency((String) row[0], (String) row[1], atRisk, validUntil));
            }
        }
        return held;
    }
}
