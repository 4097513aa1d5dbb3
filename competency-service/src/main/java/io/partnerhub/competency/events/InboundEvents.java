package io.partnerhub.competency.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The data of the events competency-service consumes, read tolerantly (unknown fields ignored). Producers document
 * them: membership-service's and certification-service's asyncapi.yaml.
 */
public final class InboundEvents {

    private InboundEvents() {
    }

    public static final String ORGANIZATION_REGISTERED = "io.partnerhub.organization.registered.v1";
    public static final String EMPLOYEE_JOINED = "io.partnerhub.employee.joined.v1";
    public static final String EMPLOYEE_LEFT = "io.partnerhub.employee.left.v1";
    public static final String PERFORMANCE_REPORTED = "io.partnerhub.performance.reported.v1";
    public static final String CERTIFICATION_EARNED = "io.partnerhub.certification.earned.v1";
    public static final String CERTIFICATION_RENEWED = "io.partnerhub.certification.renewed.v1";
    public static final String CERTIFICATION_EXPIRED = "io.partnerhub.certification.expired.v1";
    public static final String CERTIFICATION_REVOKED = "io.partnerhub.certification.revoked.v1";
    public static final String ASSESSMENT_PASSED = "io.partnerhub.assessment.passed.v1";
    public static final String CERTIFICATION_DEFINED = "io.partnerhub.certification.defined.v1";
    public static final String ASSESSMENT_DEFINED = "io.partnerhub.assessment.defined.v1";

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
    }

    /** employee.joined.v1 and employee.left.v1; reason (left): DEPARTED or ASSOCIATED_ELSEWHERE. */
    public record EmployeeChanged(String organizationId, String userId, String candidateId, String reason) {
    }

    public record PerformanceReported(String organizationId, String metric, BigDecimal value, LocalDate periodStart,
            LocalDate periodEnd) {
    }

    /** certification.earned/renewed/expired/revoked.v1 (expiresAt null = never; absent in expired/revoked). */
    public record HoldingChanged(String candidateId, String certificationId, String holdingId, Instant expiresAt) {
    }

    public record AssessmentPassed(String candidateId, String assessmentId, Instant passedAt) {
    }

    /** certification.defined.v1 (also on a retirement announcement; only the id and name are used here). */
    public record CertificationDefined(String certificationId, String name) {
    }

    public record AssessmentDefined(String assessmentId, String name) {
    }
}
