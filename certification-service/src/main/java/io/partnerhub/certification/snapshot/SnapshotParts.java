package io.partnerhub.certification.snapshot;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerhub.certification.snapshot.SnapshotEvents.AssessmentPassSnapshot;
import io.partnerhub.certification.snapshot.SnapshotEvents.CatalogueItemSnapshot;
import io.partnerhub.certification.snapshot.SnapshotEvents.HoldingSnapshot;
import io.partnerhub.certification.snapshot.SnapshotEvents.SnapshotCompleted;
import io.partnerhub.chassis.events.DomainEvent;
import io.partnerhub.chassis.snapshot.SnapshotPart;

/**
 * What certification-service's snapshot re-publishes, in this order: the catalogue (certifications, then assessments:
 * also those defined before the catalogue events existed), every holding (active or ended), every passed assessment
 * (its first pass). The data its consumers project (competency-service: known credentials with their level, active
 * holdings with their expiry, ended ones as tombstones, passes).
 */
@ApplicationScoped
public class SnapshotParts {

    private static final String NO_UUID = "00000000-0000-0000-0000-000000000000";

    public List<SnapshotPart> all() {
        return List.of(
                new SnapshotPart("certifications", "SELECT id, name, level, retires_on, successor, created_at, version"
                        + " FROM certification WHERE id > ? ORDER BY id LIMIT ?", SnapshotParts::certification),
                new SnapshotPart("assessments", "SELECT id, name, created_at FROM assessment WHERE id > ? ORDER BY id LIMIT ?",
                        SnapshotParts::assessment),
                new SnapshotPart("holdings", "SELECT id::text, candidate_id, certification_id, level, status, earned_at, expires_at,"
                        + " ended_at, version FROM certification_holding WHERE id > coalesce(nullif(?, '')::uuid, '" + NO_UUID
                        + "'::uuid) ORDER BY id LIMIT ?", SnapshotParts::holding),
                new SnapshotPart("assessment passes", "SELECT r.id::text, r.candidate_id, r.assessment_id, r.taken_at"
                        + " FROM assessment_result r WHERE r.passed AND r.id > coalesce(nullif(?, '')::uuid, '" + NO_UUID + "'::uuid)"
                        + " AND NOT EXISTS (SELECT 1 FROM assessment_result e WHERE e.passed AND e.candidate_id = r.candidate_id"
                        + " AND e.assessment_id = r.assessment_id AND (e.taken_at, e.id) < (r.taken_at, r.id))"
                        + " ORDER BY r.id LIMIT ?", SnapshotParts::pass));
    }

    public DomainEvent completed(String snapshotId, String reference, long sequence, long total, Instant now) {
        return new SnapshotCompleted(snapshotId, reference, sequence, true, total, now);
    }

    private static DomainEvent certification(ResultSet row, SnapshotPart.Marker m) throws SQLException {
        java.sql.Date retires = row.getDate(4);
        return new CatalogueItemSnapshot(m.snapshotId(), m.reference(), m.sequence(), false, row.getLong(7), "CERTIFICATION",
                row.getString(1), row.getString(2), row.getString(3), retires == null ? null : retires.toLocalDate(),
                row.getString(5), instant(row.getTimestamp(6)));
    }

    private static DomainEvent assessment(ResultSet row, SnapshotPart.Marker m) throws SQLException {
        return new CatalogueItemSnapshot(m.snapshotId(), m.reference(), m.sequence(), false, 0, "ASSESSMENT", row.getString(1),
                row.getString(2), null, null, null, instant(row.getTimestamp(3)));
    }

    private static DomainEvent holding(ResultSet row, SnapshotPart.Marker m) throws SQLException {
        return new HoldingSnapshot(m.snapshotId(), m.reference(), m.sequence(), false, row.getLong(9), row.getString(2),
                row.getString(3), row.getString(1), row.getString(4), row.getString(5), instant(row.getTimestamp(6)),
                instant(row.getTimestamp(7)), instant(row.getTimestamp(8)));
    }

    private static DomainEvent pass(ResultSet row, SnapshotPart.Marker m) throws SQLException {
        return new AssessmentPassSnapshot(m.snapshotId(), m.reference(), m.sequence(), false, 0, row.getString(2),
                row.getString(3), instant(row.getTimestamp(4)));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
