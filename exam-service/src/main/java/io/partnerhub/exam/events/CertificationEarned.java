package io.partnerhub.exam.events;

import java.time.Instant;
import java.util.List;

/** data of {@code io.partnerhub.certification.earned.v1} (certification-events); expiresAt null = never. */
public record CertificationEarned(String candidateId, String certificationId, String holdingId, String level,
                                  List<String> examCodes, Instant earnedAt, Instant expiresAt) {
    public static final String TYPE = "io.partnerhub.certification.earned.v1";

    public CertificationEarned {
        CertificationEnded.requireHolding(holdingId, candidateId);
    }
}
