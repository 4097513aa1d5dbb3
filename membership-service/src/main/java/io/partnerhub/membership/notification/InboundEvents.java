package io.partnerhub.membership.notification;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The data of the events notifications read, as tolerant readers (unknown fields ignored; a required field missing
 * throws {@link IllegalArgumentException}, so the record is dead-lettered after the bounded attempts).
 */
final class InboundEvents {

    private InboundEvents() {
    }

    static final String DESIGNATION_ATTAINED = "io.partnerhub.designation.attained.v1";
    static final String DESIGNATION_AT_RISK = "io.partnerhub.designation.at-risk.v1";
    static final String DESIGNATION_LOST = "io.partnerhub.designation.lost.v1";
    static final String REQUIREMENTS_PUBLISHED = "io.partnerhub.competency.requirements-published.v1";
    static final String RENEWAL_DUE = "io.partnerhub.certification.renewal-due.v1";
    static final String CERTIFICATION_EXPIRED = "io.partnerhub.certification.expired.v1";
    static final String EXAM_PASSED = "io.partnerhub.exam.passed.v1";
    static final String EXAM_FAILED = "io.partnerhub.exam.failed.v1";

    /** competency-events' designation.attained/at-risk/lost.v1 (published by competency-service's designations). */
    record Designation(String organizationId, String solutionAreaId, String solutionAreaName, String track, String score,
            String day, String holdsUntil) {
        Designation {
            uuid("organizationId", organizationId);
            required("solutionAreaId", solutionAreaId);
        }

        UUID organization() {
            return UUID.fromString(organizationId);
        }
    }

    /** competency-events' requirements-published.v1: the version and the one it follows (absent for the first). */
    record RequirementsPublished(String competencyId, String version, String effectiveFrom, String previousVersion,
            JsonNode silver, JsonNode gold, JsonNode previousSilver, JsonNode previousGold) {
        RequirementsPublished {
            required("competencyId", competencyId);
            required("version", version);
        }
    }

    /** certification-events' renewal-due.v1 (from the expiry sweep): window opened, or 30 / 7 days left. */
    record RenewalDue(String candidateId, String certificationId, String holdingId, String expiresAt, Integer daysLeft,
            Boolean windowOpened) {
        RenewalDue {
            required("candidateId", candidateId);
            required("certificationId", certificationId);
            required("holdingId", holdingId);
        }
    }

    /** certification-events' expired.v1. */
    record Expired(String candidateId, String certificationId, String holdingId, String reason) {
        Expired {
            required("candidateId", candidateId);
            required("certificationId", certificationId);
        }
    }

    /** exam-events' passed/failed.v1: the score report. */
    record ExamResult(String candidateId, String examCode, String attemptId, Integer score, String takenAt) {
        ExamResult {
            required("candidateId", candidateId);
            required("examCode", examCode);
            if (score == null) {
                throw new IllegalArgumentException("score is required");
            }
        }
    }

    static List<String> nonBlank(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).toList();
    }

    private static void required(String name, String value) {
        if (value == null || value.isBlank() || value.length() > 200) {
            throw new IllegalArgumentException(name + " must be 1 to 200 characters");
        }
    }

    private static void uuid(String name, String value) {
        if (value == null) {
            throw new IllegalArgumentException(name + " is required");
        }
        UUID.fromString(value);
    }
}
