package io.partnerhub.competency.credential;

import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

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
        return jdbc("WITH superseded AS (UPDATE organization_credential SET revoked_at = ?"
                + " WHERE organization_id = ? AND kind = ? AND award_id = ? AND level <> ? AND revoked_at IS NULL)"
                + " INSERT INTO organization_credential (id, organization_id, kind, award_id, level, name,"
                + " subject_name, subject_mpn_id, number, valid_from, issued_at)"
                + " SELECT ?, ?, ?, ?, ?, ?, o.name, o.mpn_id, nextval('organization_credential_number'), ?, ?"
                + " FROM (SELECT 1) one LEFT JOIN organization o ON o.id = ?"
                + " WHERE NOT EXISTS (SELECT 1 FROM organization_credential c WHERE c.organization_id = ? AND c.kind = ?"
                + " AND c.award_id = ? AND c.level = ? AND c.revoked_at IS NULL)"
                + " ON CONFLICT (organization_id, kind, award_id, level) WHERE revoked_at IS NULL DO NOTHING",
                time(validFrom), organizationId, kind, awardId, level,
                id, organizationId, kind, awardId, level, name, time(validFrom), time(issuedAt),
                organizationId, organizationId, kind, awardId, level) == 1;
    }

    /** Revokes the live credential of the award at that level. */
    int revoke(String organizationId, String kind, String awardId, String level, Instant at) {
        return jdbc("UPDATE organization_credential SET revoked_at = ? WHERE organization_id = ? AND kind = ? AND award_id = ?"
                + " AND level = ? AND revoked_at IS NULL", time(at), organizationId, kind, awardId, level);
    }

    /**
     * One write as plain JDBC in the caller's transaction (issue #25: a status change's writes; a native query made
     * Hibernate flush the persistence context and parse the SQL first). Returns the rows written.
     */
    private int jdbc(String sql, Object... values) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    statement.setObject(i + 1, values[i]);
                }
                return statement.executeUpdate();
            }
        });
    }

    private static OffsetDateTime time(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
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
