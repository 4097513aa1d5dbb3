package io.partnerhub.certification.snapshot;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.partnerhub.chassis.events.DomainEvent;

/**
 * #26 The snapshot events certification-service publishes on ops' request (POST /admin/snapshots), on
 * certification-events with the live events' keys (a holding's and a pass's: the candidate id; a catalogue item's: its
 * id), so each subject's snapshot event and live events stay in order. Each carries the snapshot's id, the requester's
 * {@code reference}, its {@code sequence} (1, 2, … in publication order), {@code last} (true only on the completion
 * event) and the subject's current {@code version}; the completion event ends every snapshot with the {@code total} of
 * events before it. Documented in asyncapi.yaml.
 */
public final class SnapshotEvents {

    private SnapshotEvents() {
    }

    /** A holding as it is now: status ACTIVE, EXPIRED or REVOKED; expiresAt null = never. */
    public record HoldingSnapshot(String snapshotId, String reference, long sequence, boolean last, long version,
            String candidateId, String certificationId, String holdingId, String level, String status, Instant earnedAt,
            Instant expiresAt, Instant endedAt) implements DomainEvent {

        public static final String TYPE = "io.partnerhub.certification.holding-snapshot.v1";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        @JsonIgnore
        public String subject() {
            return candidateId;
        }
    }

    /** A passed assessment (the first pass; a pass counts for good). */
    public record AssessmentPassSnapshot(String snapshotId, String reference, long sequence, boolean last, long version,
            String candidateId, String assessmentId, Instant passedAt) implements DomainEvent {

        public static final String TYPE = "io.partnerhub.assessment.pass-snapshot.v1";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        @JsonIgnore
        public String subject() {
            return candidateId;
        }
    }

    /** A catalogue item: kind CERTIFICATION (with level, retiresOn, successor) or ASSESSMENT. */
    public record CatalogueItemSnapshot(String snapshotId, String reference, long sequence, boolean last, long version,
            String kind, String id, String name, String level, java.time.LocalDate retiresOn, String successor,
            Instant definedAt) implements DomainEvent {

        public static final String TYPE = "io.partnerhub.certification.catalogue-item-snapshot.v1";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        @JsonIgnore
        public String subject() {
            return id;
        }
    }

    /** The end of a snapshot: {@code total} events came before it; subject = the snapshot id. */
    public record SnapshotCompleted(String snapshotId, String reference, long sequence, boolean last, long total,
            Instant completedAt) implements DomainEvent {

        public static final String TYPE = "io.partnerhub.certification.snapshot-completed.v1";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        @JsonIgnore
        public String subject() {
            return snapshotId;
        }
    }
}
