package io.partnerhub.competency.credential;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.partnerhub.competency.projection.TypedRows;

/** SQL of {@code organization_credential} (V10); every write runs in the caller's transaction. */
@ApplicationScoped
public class CredentialStore {

    private final EntityManager em;

    public CredentialStore(EntityManager em) {
        this.em = em;
    }

    /**
     * Issues a live credential unless the organisation already holds a live one for the award and level, in one
     * statement: the subject's name and MPN id from the organisation projection, the next credential number (taken only
     * when a row is inserted) and from it the status-list slot (generated columns). The live credentials of the award's
     * other levels are revoked (superseded, at {@code validFrom}) in the same statement (issue #25: one round trip, was
     * two; they are other rows of the live-credential index than the one inserted). True if inserted.
     */
    boolean issue(UUID id, String organizationId, String kind, String awardId, String level, String name, Instant validFrom,
            Instant issuedAt) {
        return em.createNativeQuery("WITH superseded AS (UPDATE organization_credential SET revoked_at = ?7"
                + " WHERE organization_id = ?2 AND kind = ?3 AND award_id = ?4 AND level <> ?5 AND revoked_at IS NULL)"
                + " INSERT INTO organization_credential (id, organization_id, kind, award_id, level, name,"
                + " subject_name, subject_mpn_id, number, valid_from, issued_at)"
                + " SELECT ?1, ?2, ?3, ?4, ?5, ?6, o.name, o.mpn_id, nextval('organization_credential_number'), ?7, ?8"
                + " FROM (SELECT 1) one LEFT JOIN organization o ON o.id = ?2"
                + " WHERE NOT EXISTS (SELECT 1 FROM organization_credential c WHERE c.organization_id = ?2 AND c.kind = ?3"
                + " AND c.award_id = ?4 AND c.level = ?5 AND c.revoked_at IS NULL)"
                + " ON CONFLICT (organization_id, kind, award_id, level) WHERE revoked_at IS NULL DO NOTHING")
                .setParameter(1, id).setParameter(2, organizationId).setParameter(3, kind).setParameter(4, awardId)
                .setParameter(5, level).setParameter(6, name).setParameter(7, validFrom).setParameter(8, issuedAt)
                .executeUpdate() == 1;
    }

    /** Revokes the live credential of the award at that level. */
    int revoke(String organizationId, String kind, String awardId, String level, Instant at) {
        return em.createNativeQuery("UPDATE organization_credential SET revoked_at = ?5 WHERE organization_id = ?1"
                + " AND kind = ?2 AND award_id = ?3 AND level = ?4 AND revoked_at IS NULL")
                .setParameter(1, organizationId).setParameter(2, kind).setParameter(3, awardId).setParameter(4, level)
                .setParameter(5, at).executeUpdate();
    }

    void storeJwt(UUID id, String jwt) {
        em.createNativeQuery("UPDATE organization_credential SET jwt = ?2 WHERE id = ?1 AND jwt IS NULL")
                .setParameter(1, id).setParameter(2, jwt).executeUpdate();
    }

    Optional<CredentialRow> byId(UUID id) {
        return TypedRows.query(em, "SELECT " + CredentialRow.COLUMNS + " FROM organization_credential WHERE id = ?1",
                CredentialRow.class, CredentialRow.LABELS).setParameter(1, id).getResultStream().findFirst();
    }

    /** The organisation's credentials, live ones first, newest first. */
    List<CredentialRow> ofOrganization(String organizationId) {
        return TypedRows.query(em, "SELECT " + CredentialRow.COLUMNS + " FROM organization_credential"
                + " WHERE organization_id = ?1 ORDER BY revoked_at IS NOT NULL, issued_at DESC, id",
                CredentialRow.class, CredentialRow.LABELS).setParameter(1, organizationId).getResultList();
    }

    /** The indexes whose bit is set (revoked) in a status list. */
    @SuppressWarnings("unchecked")
    List<Integer> revokedIndexes(int list) {
        return ((List<Number>) em.createNativeQuery("SELECT status_index FROM organization_credential"
                + " WHERE status_list = ?1 AND revoked_at IS NOT NULL").setParameter(1, list).getResultList())
                .stream().map(Number::intValue).toList();
    }

    /** The highest status list any credential uses (1 when none is issued yet: list 1 is always published). */
    int highestList() {
        Number highest = (Number) em.createNativeQuery("SELECT max(status_list) FROM organization_credential").getSingleResult();
        return highest == null ? 1 : highest.intValue();
    }

    /** {mpnId, name} of a registered organisation. */
    Optional<Object[]> organization(String organizationId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT mpn_id, name FROM organization WHERE id = ?1")
                .setParameter(1, organizationId).getResultList();
        return rows.stream().findFirst();
    }
}
