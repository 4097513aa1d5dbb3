package io.partnerhub.membership.snapshot;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnore;

import io.partnerhub.chassis.events.DomainEvent;

/**
 * #26 The snapshot events membership-service publishes on ops' request (POST /admin/snapshots), on membership-events
 * with the live events' keys (an organisation's and a figure's: the organisation id; an association's: the candidate
 * id), so each subject's snapshot event and live events stay in order. Each carries the snapshot's id, the requester's
 * {@code reference}, its {@code sequence} (1, 2, … in publication order), {@code last} (true only on the completion
 * event) and the subject's current {@code version}; the completion event ends every snapshot with the {@code total} of
 * events before it. Documented in asyncapi.yaml.
 */
public final class SnapshotEvents {

    private SnapshotEvents() {
    }

    public record OrganizationSnapshot(String snapshotId, String reference, long sequence, boolean last, long version,
            String organizationId, String mpnId, String name, Instant registeredAt) implements DomainEvent {

        public static final String TYPE = "io.partnerhub.organization.snapshot.v1";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        @JsonIgnore
        public String subject() {
            return organizationId;
        }
    }

    /**
     * Who a candidate works for now: organizationId and userId of the active association, or null (with since = when the
     * last one ended) when the candidate left and works for no organisation.
     */
    public record AssociationSnapshot(String snapshotId, String reference, long sequence, boolean last, long version,
            String candidateId, String organizationId, String userId, Instant since) implements DomainEvent {

        public static final String TYPE = "io.partnerhub.employee.association-snapshot.v1";

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

    /** A performance figure as it stands (the latest correction). */
    public record FigureSnapshot(String snapshotId, String reference, long sequence, boolean last, long version,
            String organizationId, String metric, BigDecimal value, LocalDate periodStart, LocalDate periodEnd, String source,
            Instant reportedAt) implements DomainEvent {

        public static final String TYPE = "io.partnerhub.performance.figure-snapshot.v1";

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        @JsonIgnore
        public String subject() {
            return organizationId;
        }
    }

    /** The end of a snapshot: {@code total} events came before it; subject = the snapshot id. */
    public record SnapshotCompleted(String snapshotId, String reference, long sequence, boolean last, long total,
            Instant completedAt) implements DomainEvent {

        public static final String TYPE = "io.partnerhub.membership.snapshot-completed.v1";

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
