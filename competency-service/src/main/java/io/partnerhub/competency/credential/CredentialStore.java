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

    /** The next credential number (a sequence: never reused, no lock held). */
    long nextNumber() {
        return ((Number) em.createNativeQuery("SELECT nextval('organization_credential_number')").getSingleResult()).longValue();
    }

    /** Inserts a live credential unless the organisation already holds a live one for the award; true if inserted. */
    boolean insertIfNone(CredentialRow row) {
        return em.createNativeQuery("INSERT INTO organization_credential (" + CredentialRow.COLUMNS + ")"
                + " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, NULL, ?13)"
                + " ON CONFLICT (organization_id, kind, award_id, level) WHERE revoked_at IS NULL DO NOTHING")
                .setParameter(1, row.id()).setParameter(2, row.organizationId()).setParameter(3, row.kind())
                .setParameter(4, row.awardId()).setParameter(5, row.level()).setParameter(6, row.name())
                .setParameter(7, row.subjectName()).setParameter(8, row.subjectMpnId()).setParameter(9, row.statusList())
                .setParameter(10, row.statusIndex()).setParameter(11, row.validFrom()).setParameter(12, row.issuedAt())
                .setParameter(13, row.jwt()).executeUpdate() == 1;
    }

    boolean holdsLive(String organizationId, String kind, String awardId, String level) {
        return !em.createNativeQuery("SELECT 1 FROM organization_credential WHERE organization_id = ?1 AND kind = ?2"
                + " AND award_id = ?3 AND level = ?4 AND revoked_at IS NULL")
                .setParameter(1, organizationId).setParameter(2, kind).setParameter(3, awardId).setParameter(4, level)
                .getResultList().isEmpty();
    }

    /** Revokes the live credentials of the award: of that level, or ({@code otherLevels}) of any other level. */
    int revoke(String organizationId, String kind, String awardId, String level, boolean otherLevels, Instant at) {
        return em.createNativeQuery("UPDATE organization_credential SET revoked_at = ?5 WHERE organization_id = ?1"
                + " AND kind = ?2 AND award_id = ?3 AND level " + (otherLevels ? "<>" : "=") + " ?4 AND revoked_at IS NULL")
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
