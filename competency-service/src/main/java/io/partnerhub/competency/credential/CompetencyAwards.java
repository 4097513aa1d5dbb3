package io.partnerhub.competency.credential;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/** Competency levels (SILVER, GOLD) as awards: a status row with a level held is a held award (at risk included). */
@ApplicationScoped
public class CompetencyAwards implements HeldAwards {

    private final EntityManager em;

    public CompetencyAwards(EntityManager em) {
        this.em = em;
    }

    @Override
    public AwardChanged.Kind kind() {
        return AwardChanged.Kind.COMPETENCY;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<AwardChanged> heldWithoutCredential(int limit) {
        List<Object[]> rows = em.createNativeQuery("SELECT s.organization_id, s.competency_id, s.level, c.name,"
                + " coalesce(s.attained_at, s.updated_at) FROM competency_status s JOIN competency c ON c.id = s.competency_id"
                + " WHERE s.level <> 'NONE' AND NOT EXISTS (SELECT 1 FROM organization_credential o"
                + " WHERE o.organization_id = s.organization_id AND o.kind = 'COMPETENCY' AND o.award_id = s.competency_id"
                + " AND o.level = s.level AND o.revoked_at IS NULL)"
                + " ORDER BY s.organization_id, s.competency_id LIMIT ?1").setParameter(1, limit).getResultList();
        return rows.stream().map(r -> new AwardChanged((String) r[0], AwardChanged.Kind.COMPETENCY, (String) r[1],
                (String) r[2], (String) r[3], true, instant(r[4]))).toList();
    }

    @Override
    public Optional<String> name(String awardId) {
        return em.createNativeQuery("SELECT name FROM competency WHERE id = ?1").setParameter(1, awardId)
                .getResultStream().findFirst().map(String.class::cast);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("not a timestamp: " + value);
    }
}
