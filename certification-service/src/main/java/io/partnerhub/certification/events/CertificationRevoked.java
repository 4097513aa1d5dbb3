package io.partnerhub.certification.events;

/**
 * {@code io.partnerhub.certification.revoked.v1} on certification-events, subject = candidateId. C9: operations revoked a holding; reason is the one ops gave.
 * Documented in src/main/resources/asyncapi.yaml; exam-service and competency-service read it.
 */
public record CertificationRevoked(String candidateId, String certificationId, String holdingId, String reason) implements CandidateEvent {

    public static final String TYPE = "io.partnerhub.certification.revoked.v1";

    @Override
    public String type() {
        return TYPE;
    }
}
