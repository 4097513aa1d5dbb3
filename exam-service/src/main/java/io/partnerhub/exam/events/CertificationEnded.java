package io.partnerhub.exam.events;

/** data of {@code io.partnerhub.certification.expired.v1} and {@code io.partnerhub.certification.revoked.v1}. */
public record CertificationEnded(String candidateId, String certificationId, String holdingId, String reason) {
    public static final String EXPIRED_TYPE = "io.partnerhub.certification.expired.v1";
    public static final String REVOKED_TYPE = "io.partnerhub.certification.revoked.v1";

    public CertificationEnded {
        requireHolding(holdingId, candidateId);
    }

    /**
     * Every certification event names the holding and its candidate; one without does not read (the constructor throws
     * inside {@code CloudEvent.dataAs}, a deterministic failure: dead-lettered after the bounded attempts).
     */
    static void requireHolding(String holdingId, String candidateId) {
        if (holdingId == null || holdingId.isBlank() || candidateId == null || candidateId.isBlank()) {
            throw new IllegalArgumentException("certification event without holdingId or candidateId");
        }
    }
}
