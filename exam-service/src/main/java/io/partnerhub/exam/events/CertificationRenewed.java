package io.partnerhub.exam.events;

import java.time.Instant;

/** data of {@code io.partnerhub.certification.renewed.v1}. */
public record CertificationRenewed(String candidateId, String certificationId, String holdingId, Instant expiresAt) {
    public static final String TYPE = "io.partnerhub.certification.renewed.v1";

    public CertificationRenewed {
        CertificationEnded.requireHolding(holdingId, candidateId);
    }
}
