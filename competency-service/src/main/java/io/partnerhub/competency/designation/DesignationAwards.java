package io.partnerhub.competency.designation;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.partnerhub.competency.credential.AwardChanged;
import io.partnerhub.competency.credential.HeldAwards;

/**
 * Designations as awards for the organisation credentials' start-up backfill: a designation held now (attained, kept
 * or at risk) whose organisation has no live credential for it, with its track as the credential's level.
 */
@ApplicationScoped
public class DesignationAwards implements HeldAwards {

    private final EntityManager em;

    public DesignationAwards(EntityManager em) {
        this.em = em;
    }

    @Override
    public AwardChanged.Kind kind() {
        return AwardChanged.Kind.DESIGNATION;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<AwardChanged> heldWithoutCredential(int limit) {
        List<Object[]> rows = em.createNativeQuery("SELECT s.organization_id, s.solution_area_id, s.track, a.name, s.updated_at"
                + " FROM designation_status s JOIN solution_area a ON a.id = s.solution_area_id"
                + " WHERE s.state IN ('ATTAINED', 'KEPT', 'AT_RISK') AND NOT EXISTS (SELECT 1 FROM organization_credential o"
                + " WHERE o.organization_id = s.organization_id AND o.kind = 'DESIGNATION' AND o.award_id = s.solution_area_id"
                + " AND o.level = coalesce(s.track, '') AND o.revoked_at IS NULL)"
                + " ORDER BY s.organization_id, s.solution_area_id LIMIT ?1").setParameter(1, limit).getResultList();
        return rows.stream().map(r -> new AwardChanged((String) r[0], AwardChanged.Kind.DESIGNATION, (String) r[1],
                (String) r[2], (String) r[3], true, instant(r[4]))).toList();
    }

    @Override
    public Optional<String> name(String awardId) {
        return em.createNativeQuery("SELECT name FROM solution_area WHERE id = ?1").setParameter(1, awardId)
                .getResultStream().findFirst().map(String.class::cast);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("not a timestamp: " + value);
    }
}
