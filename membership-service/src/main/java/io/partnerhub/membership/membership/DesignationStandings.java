package io.partnerhub.membership.membership;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.partnerhub.membership.domain.DesignationChange;
import io.partnerhub.membership.domain.DesignationStanding;
import io.partnerhub.membership.events.DesignationEventData;
import io.partnerhub.membership.organization.OrganizationRepository;
import io.quarkus.logging.Log;

/** M7 what membership knows of an organisation's Solutions Partner designations, kept from the designation events. */
@ApplicationScoped
public class DesignationStandings {

    private final EntityManager em;
    private final OrganizationRepository organizations;
    private final Clock clock;

    public DesignationStandings(EntityManager em, OrganizationRepository organizations, Clock clock) {
        this.em = em;
        this.organizations = organizations;
        this.clock = clock;
    }

    public List<DesignationStandingRow> rows(UUID organizationId) {
        return em.createQuery("from DesignationStandingRow where organizationId = :o order by solutionAreaId",
                DesignationStandingRow.class).setParameter("o", organizationId).getResultList();
    }

    public List<DesignationStanding> of(UUID organizationId) {
        return rows(organizationId).stream().map(DesignationStandingRow::toDomain).toList();
    }

    /**
     * Applies a designation event. One older than what is known of that designation (by CloudEvent time) is skipped, and
     * so is one for an organisation this service does not know (logged).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(DesignationChange change, DesignationEventData data, Instant eventTime) {
        UUID organizationId = data.organizationUuid();
        if (organizations.findByIdOptional(organizationId).isEmpty()) {
            Log.warnf("Designation event %s for unknown organization %s skipped", change, organizationId);
            return;
        }
        Instant asOf = eventTime != null ? eventTime : clock.instant();
        DesignationStandingRow row = em.find(DesignationStandingRow.class,
                new DesignationStandingRow.Key(organizationId, data.solutionAreaId()), LockModeType.PESSIMISTIC_WRITE);
        if (row != null && row.asOf.isAfter(asOf)) {
            Log.infof("Designation event %s for %s/%s older than what is known, skipped", change, organizationId,
                    data.solutionAreaId());
            return;
        }
        DesignationStanding after = change.apply(row == null ? null : row.toDomain(), data.solutionAreaId(),
                data.solutionAreaName(), data.track(), data.score(), data.holdsUntil());
        if (row == null) {
            row = new DesignationStandingRow();
            row.organizationId = organizationId;
            row.solutionAreaId = data.solutionAreaId();
        }
        if (after.atRisk() && !row.atRisk) {
            row.atRiskSince = asOf;
        } else if (!after.atRisk()) {
            row.atRiskSince = null;
        }
        row.name = after.name();
        row.held = after.held();
        row.atRisk = after.atRisk();
        row.track = after.track();
        row.score = after.score();
        row.holdsUntil = after.holdsUntil();
        row.asOf = asOf;
        em.persist(row);
        Log.infof("Designation %s of organization %s: %s (%s%s)", data.solutionAreaId(), organizationId, change,
                after.held() ? "held" : "not held", after.atRisk() ? ", at risk" : "");
    }
}
