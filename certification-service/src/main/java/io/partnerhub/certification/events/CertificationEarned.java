package io.partnerhub.certification.events;

import java.time.Instant;
import java.util.List;

import io.partnerhub.certification.domain.CertificationLevel;

/**
 * {@code io.partnerhub.certification.earned.v1} on certification-events, subject = candidateId. C2: a holding was earned; expiresAt null = never (fundamentals). examCodes are the passes that earned it, one per group.
 * Documented in src/main/resources/asyncapi.yaml; exam-service and competency-service read it.
 */
public record CertificationEarned(String candidateId, String certificationId, String holdingId, CertificationLevel level, List<String> examCodes, Instant earnedAt, Instant expiresAt) implements CandidateEvent {

    public static final String TYPE = "io.partnerhub.certification.earned.v1";

    @Override
    public String type() {
        return TYPE;
    }
}
