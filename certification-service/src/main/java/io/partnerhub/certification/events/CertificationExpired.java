package io.partnerhub.certification.events;

/**
 * {@code io.partnerhub.certification.expired.v1} on certification-events, subject = candidateId. C4: the expiry sweep ended a holding at its expiresAt; reason is EXPIRED.
 * Documented in src/main/resources/asyncapi.yaml; exam-service and competency-service read it.
 */
public record CertificationExpired(String candidateId, String certificationId, String holdingId, String reason) implements CandidateEvent {

    public static final String TYPE = "io.partnerhub.certification.expired.v1";

    @Override
    public String type() {
        return TYPE;
    }
}
