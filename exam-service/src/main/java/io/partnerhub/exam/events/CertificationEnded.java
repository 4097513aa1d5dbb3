package io.partnerhub.exam.events;

/** data of {@code io.partnerhub.certification.expired.v1} and {@code io.partnerhub.certification.revoked.v1}. */
public record CertificationEnded(String candidateId, String certificationId, String holdingId, String reason) {
    public static final String EXPIRED_TYPE = "io.partnerhub.certification.expired.v1";
    public static final String REVOKED_TYPE = "io.partnerhub.certification.revoked.v1";
}
