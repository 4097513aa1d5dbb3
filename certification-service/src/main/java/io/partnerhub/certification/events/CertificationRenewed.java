package io.partnerhub.certification.events;

import java.time.Instant;

/**
 * {@code io.partnerhub.certification.renewed.v1} on certification-events, subject = candidateId. C3: a renewal was passed; expiresAt is the new expiry (12 months after the previous one).
 * Documented in src/main/resources/asyncapi.yaml; exam-service and competency-service read it.
 */
public record CertificationRenewed(String candidateId, String certificationId, String holdingId, Instant expiresAt) implements CandidateEvent {

    public static final String TYPE = "io.partnerhub.certification.renewed.v1";

    @Override
    public String type() {
        return TYPE;
    }
}
