package io.partnerhub.competency.credential;

import java.time.Instant;
import java.util.UUID;

/** One row of {@code organization_credential}; {@code level} is '' when the award has none. */
public record CredentialRow(UUID id, String organizationId, String kind, String awardId, String level, String name,
        String subjectName, String subjectMpnId, Integer statusList, Integer statusIndex, Instant validFrom,
        Instant issuedAt, Instant revokedAt, String jwt) {

    static final String COLUMNS = "id, organization_id, kind, award_id, level, name, subject_name, subject_mpn_id,"
            + " status_list, status_index, valid_from, issued_at, revoked_at, jwt";
    static final String[] LABELS = COLUMNS.split(",\\s*");

    public boolean revoked() {
        return revokedAt != null;
    }

    /** The level, or null when the award has none. */
    public String levelOrNull() {
        return level == null || level.isEmpty() ? null : level;
    }
}
