package io.partnerhub.competency.rebuild;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/**
 * The snapshot events this service rebuilds its projections from (#26), as the producers document them
 * (certification-service's and membership-service's asyncapi.yaml), read tolerantly. Every one carries the snapshot's
 * id, the {@code reference} its requester gave (a rebuild takes only the snapshots requested for it), its
 * {@code sequence} in the snapshot (1, 2, …) and the subject's current {@code version} at the producer; the snapshot
 * ends with a completion event ({@code last = true}, {@code total} = the number of events before it, keyed by the
 * snapshot id), also for an empty snapshot. They travel on the live topics with the live events' keys,
 * so one subject's snapshot event and live events stay in order.
 */
public final class SnapshotEvents {

    public static final String HOLDING = "io.partnerhub.certification.holding-snapshot.v1";
    public static final String ASSESSMENT_PASS = "io.partnerhub.assessment.pass-snapshot.v1";
    public static final String CATALOGUE_ITEM = "io.partnerhub.certification.catalogue-item-snapshot.v1";
    public static final String ORGANIZATION = "io.partnerhub.organization.snapshot.v1";
    public static final String ASSOCIATION = "io.partnerhub.employee.association-snapshot.v1";
    public static final String FIGURE = "io.partnerhub.performance.figure-snapshot.v1";

    /** The last event of a snapshot: {@code last = true}, {@code total} = the number of snapshot events before it. */
    public static final String CERTIFICATION_COMPLETED = "io.partnerhub.certification.snapshot-completed.v1";
    public static final String MEMBERSHIP_COMPLETED = "io.partnerhub.membership.snapshot-completed.v1";

    public static final Set<String> TYPES = Set.of(HOLDING, ASSESSMENT_PASS, CATALOGUE_ITEM, ORGANIZATION, ASSOCIATION, FIGURE,
            CERTIFICATION_COMPLETED, MEMBERSHIP_COMPLETED);

    /** The producer (CloudEvent source) of each type: a rebuild waits for the completion of each. */
    public static final Map<String, String> PRODUCERS = Map.of(HOLDING, "/certification-service",
            ASSESSMENT_PASS, "/certification-service", CATALOGUE_ITEM, "/certification-service",
            CERTIFICATION_COMPLETED, "/certification-service", ORGANIZATION, "/membership-service",
            ASSOCIATION, "/membership-service", FIGURE, "/membership-service", MEMBERSHIP_COMPLETED, "/membership-service");

    public static boolean completion(String type) {
        return CERTIFICATION_COMPLETED.equals(type) || MEMBERSHIP_COMPLETED.equals(type);
    }

    private SnapshotEvents() {
    }

    /** What every snapshot event carries. */
    public record Marker(String snapshotId, String reference, Long sequence, Boolean last, Long total, Long version) {

        public boolean isLast() {
            return Boolean.TRUE.equals(last);
        }
    }

    /** status ACTIVE, EXPIRED or REVOKED; expiresAt null = never. */
    public record Holding(String candidateId, String certificationId, String holdingId, String status, Instant expiresAt) {

        public boolean active() {
            return "ACTIVE".equals(status);
        }
    }

    public record AssessmentPass(String candidateId, String assessmentId, Instant passedAt) {
    }

    /** kind CERTIFICATION (with its level) or ASSESSMENT. */
    public record CatalogueItem(String kind, String id, String name, String level, Instant definedAt) {

        public String credential() {
            return "ASSESSMENT".equals(kind) ? "assessment:" + id : id;
        }
    }

    public record Organization(String organizationId, String mpnId, String name, Instant registeredAt) {
    }

    /** organizationId null: the candidate belongs to no organisation since {@code since} (they left). */
    public record Association(String candidateId, String organizationId, String userId, Instant since) {
    }

    public record Figure(String organizationId, String metric, BigDecimal value, LocalDate periodStart, LocalDate periodEnd,
            String source, Instant reportedAt) {
    }
}
