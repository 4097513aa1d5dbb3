package io.partnerhub.competency.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The data of the events competency-service consumes, one record per event type with its {@code TYPE}, read tolerantly
 * (unknown fields ignored). Producers document them: membership-service's and certification-service's asyncapi.yaml.
 * Data lacking an id this service needs (or with one over 200 characters) does not read: the constructor throws
 * {@link IllegalArgumentException}, so {@code CloudEvent.dataAs} fails deterministically and the record is
 * dead-lettered after the bounded attempts.
 */
public final class InboundEvents {

    private InboundEvents() {
    }

    static String require(String value, String field, String type) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(type + " lacks " + field);
        }
        if (value.length() > 200) {
            throw new IllegalArgumentException(type + " has a " + field + " longer than 200 characters");
        }
        return value;
    }

    public record OrganizationRegistered(String organizationId, String mpnId, String name) {
        public static final String TYPE = "io.partnerhub.organization.registered.v1";

        public OrganizationRegistered {
            require(organizationId, "organizationId", TYPE);
        }
    }

    public record EmployeeJoined(String organizationId, String userId, String candidateId) {
        public static final String TYPE = "io.partnerhub.employee.joined.v1";

        public EmployeeJoined {
            require(organizationId, "organizationId", TYPE);
            require(candidateId, "candidateId", TYPE);
        }
    }

    /** reason: DEPARTED or ASSOCIATED_ELSEWHERE (not used here). */
    public record EmployeeLeft(String organizationId, String userId, String candidateId, String reason) {
        public static final String TYPE = "io.partnerhub.employee.left.v1";

        public EmployeeLeft {
            require(organizationId, "organizationId", TYPE);
            require(candidateId, "candidateId", TYPE);
        }
    }

    /**
     * A figure with an unknown metric or a missing value or period reads, and is ignored ({@link #complete}); a figure
     * without {@code source} (published before issue 22) is of source 'unknown'.
     */
    public record PerformanceReported(String organizationId, String metric, BigDecimal value, LocalDate periodStart,
            LocalDate periodEnd, String source) {
        public static final String TYPE = "io.partnerhub.performance.reported.v1";

        public PerformanceReported {
            require(organizationId, "organizationId", TYPE);
        }

        public boolean complete() {
            return value != null && periodStart != null && periodEnd != null;
        }
    }

    /** expiresAt null = never. */
    public record CertificationEarned(String candidateId, String certificationId, String holdingId, Instant expiresAt) {
        public static final String TYPE = "io.partnerhub.certification.earned.v1";

        public CertificationEarned {
            requireHolding(candidateId, certificationId, holdingId, TYPE);
        }
    }

    public record CertificationRenewed(String candidateId, String certificationId, String holdingId, Instant expiresAt) {
        public static final String TYPE = "io.partnerhub.certification.renewed.v1";

        public CertificationRenewed {
            requireHolding(candidateId, certificationId, holdingId, TYPE);
        }
    }

    /** certification.expired.v1 and certification.revoked.v1: the holding is no longer active. */
    public record CertificationEnded(String candidateId, String certificationId, String holdingId) {
        public static final String EXPIRED_TYPE = "io.partnerhub.certification.expired.v1";
        public static final String REVOKED_TYPE = "io.partnerhub.certification.revoked.v1";

        public CertificationEnded {
            requireHolding(candidateId, certificationId, holdingId, "certification.expired/revoked.v1");
        }
    }

    public record AssessmentPassed(String candidateId, String assessmentId, Instant passedAt) {
        public static final String TYPE = "io.partnerhub.assessment.passed.v1";

        public AssessmentPassed {
            require(candidateId, "candidateId", TYPE);
            require(assessmentId, "assessmentId", TYPE);
        }
    }

    /**
     * certification.defined.v1 (also on a retirement announcement; the id, name and level are used here: the level,
     * FUNDAMENTALS, ASSOCIATE, EXPERT or SPECIALTY, for designation skilling, P4).
     */
    public record CertificationDefined(String certificationId, String name, String level) {
        public static final String TYPE = "io.partnerhub.certification.defined.v1";

        public CertificationDefined {
            require(certificationId, "certificationId", TYPE);
        }
    }

    public record AssessmentDefined(String assessmentId, String name) {
        public static final String TYPE = "io.partnerhub.assessment.defined.v1";

        public AssessmentDefined {
            require(assessmentId, "assessmentId", TYPE);
        }
    }

    private static void requireHolding(String candidateId, String certificationId, String holdingId, String type) {
        require(candidateId, "candidateId", type);
        require(certificationId, "certificationId", type);
        require(holdingId, "holdingId", type);
    }
}
