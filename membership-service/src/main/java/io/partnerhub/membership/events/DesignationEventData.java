package io.partnerhub.membership.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The data of competency-service's {@code io.partnerhub.designation.attained/at-risk/risk-cleared/lost.v1} on
 * competency-events (the types are {@link io.partnerhub.membership.domain.DesignationChange}'s): {organizationId,
 * solutionAreaId, solutionAreaName, track, score, day, holdsUntil}. A tolerant reader: unknown fields are ignored, and
 * only organizationId and solutionAreaId are required; a name over 200 characters is cut. Data without them, or with
 * an id that is not one, does not read: the constructor throws {@link IllegalArgumentException} and the record is
 * dead-lettered after the bounded attempts.
 */
public record DesignationEventData(String organizationId, String solutionAreaId, String solutionAreaName, String track,
        BigDecimal score, LocalDate day, LocalDate holdsUntil) {

    public DesignationEventData {
        if (organizationId == null) {
            throw new IllegalArgumentException("organizationId is required");
        }
        UUID.fromString(organizationId);
        if (solutionAreaId == null || solutionAreaId.isBlank() || solutionAreaId.length() > 64) {
            throw new IllegalArgumentException("solutionAreaId must be 1 to 64 characters");
        }
        if (track != null && track.length() > 64) {
            throw new IllegalArgumentException("track must be at most 64 characters");
        }
        if (score != null && (score.signum() < 0 || score.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw new IllegalArgumentException("score must be between 0 and 100");
        }
        if (solutionAreaName != null && solutionAreaName.length() > 200) {
            solutionAreaName = solutionAreaName.substring(0, 200);
        }
    }

    public UUID organizationUuid() {
        return UUID.fromString(organizationId);
    }
}
