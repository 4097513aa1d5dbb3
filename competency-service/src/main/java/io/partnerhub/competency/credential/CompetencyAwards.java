package io.partnerhub.competency.credential;

import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

/** Competency levels (SILVER, GOLD) as awards: a status row with a level held is a held award (at risk included). */
@Singleton
public class CompetencyAwards extends StoredAwards {

    public CompetencyAwards(EntityManager em) {
        super(em, AwardChanged.Kind.COMPETENCY, "SELECT s.organization_id, s.competency_id, s.level, c.name,"
                + " coalesce(s.attained_at, s.updated_at) FROM competency_status s JOIN competency c ON c.id = s.competency_id"
                + " WHERE s.level <> 'NONE' AND NOT EXISTS (SELECT 1 FROM organization_credential o"
                + " WHERE o.organization_id = s.organization_id AND o.kind = 'COMPETENCY' AND o.award_id = s.competency_id"
                + " AND o.level = s.level AND o.revoked_at IS NULL)"
                + " ORDER BY s.organization_id, s.competency_id LIMIT ?1", "SELECT name FROM competency WHERE id = ?1");
    }
}
