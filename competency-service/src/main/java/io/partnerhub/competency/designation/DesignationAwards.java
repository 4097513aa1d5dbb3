package io.partnerhub.competency.designation;

import jakarta.inject.Singleton;
import jakarta.persistence.EntityManager;

import io.partnerhub.competency.credential.AwardChanged;
import io.partnerhub.competency.credential.StoredAwards;

/**
 * Designations as awards for the organisation credentials' start-up backfill: a designation held now (attained, kept
 * or at risk) whose organisation has no live credential for it, with its track as the credential's level.
 */
@Singleton
public class DesignationAwards extends StoredAwards {

    public DesignationAwards(EntityManager em) {
        super(em, AwardChanged.Kind.DESIGNATION, "SELECT s.organization_id, s.solution_area_id, s.track, a.name, s.updated_at"
                + " FROM designation_status s JOIN solution_area a ON a.id = s.solution_area_id"
                + " WHERE s.state IN ('ATTAINED', 'KEPT', 'AT_RISK') AND NOT EXISTS (SELECT 1 FROM organization_credential o"
                + " WHERE o.organization_id = s.organization_id AND o.kind = 'DESIGNATION' AND o.award_id = s.solution_area_id"
                + " AND o.level = coalesce(s.track, '') AND o.revoked_at IS NULL)"
                + " ORDER BY s.organization_id, s.solution_area_id LIMIT ?1", "SELECT name FROM solution_area WHERE id = ?1");
    }
}
