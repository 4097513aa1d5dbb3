package io.partnerhub.membership.snapshot;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerhub.chassis.events.DomainEvent;
import io.partnerhub.chassis.snapshot.SnapshotPart;
import io.partnerhub.membership.snapshot.SnapshotEvents.AssociationSnapshot;
import io.partnerhub.membership.snapshot.SnapshotEvents.FigureSnapshot;
import io.partnerhub.membership.snapshot.SnapshotEvents.OrganizationSnapshot;
import io.partnerhub.membership.snapshot.SnapshotEvents.SnapshotCompleted;

/**
 * What membership-service's snapshot re-publishes, in this order: every organisation, every candidate's association
 * (the active one, else the end of the last one), every performance figure as it stands. The data its consumers
 * project (competency-service: organisations, who works for which organisation, figures per source).
 */
@ApplicationScoped
public class SnapshotParts {

    private static final String NO_UUID = "00000000-0000-0000-0000-000000000000";

    public List<SnapshotPart> all() {
        return List.of(
                new SnapshotPart("organisations", "SELECT id::text, mpn_id, name, created_at, version FROM organization"
                        + " WHERE id > coalesce(nullif(?, '')::uuid, '" + NO_UUID + "'::uuid) ORDER BY id LIMIT ?",
                        SnapshotParts::organization),
                new SnapshotPart("associations", "SELECT DISTINCT ON (candidate_id) candidate_id, organization_id::text, user_id::text,"
                        + " associated_at, ended_at, version FROM association WHERE candidate_id > ?"
                        + " ORDER BY candidate_id, (ended_at IS NULL) DESC, coalesce(ended_at, associated_at) DESC LIMIT ?",
                        SnapshotParts::association),
                new SnapshotPart("figures", "SELECT id::text, organization_id::text, metric, value, period_start, period_end, source,"
                        + " reported_at, version FROM performance_report WHERE id > coalesce(nullif(?, '')::uuid, '" + NO_UUID
                        + "'::uuid) ORDER BY id LIMIT ?", SnapshotParts::figure));
    }

    public DomainEvent completed(String snapshotId, String reference, long sequence, long total, Instant now) {
        return new SnapshotCompleted(snapshotId, reference, sequence, true, total, now);
    }

    private static DomainEvent organization(ResultSet row, SnapshotPart.Marker m) throws SQLException {
        return new OrganizationSnapshot(m.snapshotId(), m.reference(), m.sequence(), false, row.getLong(5), row.getString(1),
                row.getString(2), row.getString(3), instant(row.getTimestamp(4)));
    }

    private static DomainEvent association(ResultSet row, SnapshotPart.Marker m) throws SQLException {
        Timestamp ended = row.getTimestamp(5);
        boolean active = ended == null;
        return new AssociationSnapshot(m.snapshotId(), m.reference(), m.sequence(), false, row.getLong(6), row.getString(1),
                active ? row.getString(2) : null, active ? row.getString(3) : null,
                active ? instant(row.getTimestamp(4)) : ended.toInstant());
    }

    private static DomainEvent figure(ResultSet row, SnapshotPart.Marker m) throws SQLException {
        return new FigureSnapshot(m.snapshotId(), m.reference(), m.sequence(), false, row.getLong(9), row.getString(2),
                row.getString(3), row.getBigDecimal(4), row.getDate(5).toLocalDate(), row.getDate(6).toLocalDate(),
                row.getString(7), instant(row.getTimestamp(8)));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
