package io.partnerhub.certification.domain;

import java.time.Instant;

/**
 * One holding of a candidate as earning sees it: {@code active} when it counts now (status ACTIVE and not past its
 * expiry), otherwise {@code endedAt} says when it stopped counting (expiry or revocation instant). An ACTIVE holding
 * that is past its expiry but not yet swept is neither active nor ended: it blocks a second holding but is no
 * prerequisite.
 */
public record HeldCertification(String certificationId, boolean active, Instant endedAt) {

    public static HeldCertification active(String certificationId) {
        return new HeldCertification(certificationId, true, null);
    }

    public static HeldCertification ended(String certificationId, Instant endedAt) {
        return new HeldCertification(certificationId, false, endedAt);
    }

    public static HeldCertification overdue(String certificationId) {
        return new HeldCertification(certificationId, false, null);
    }

    /** Status ACTIVE in the database (active, or overdue and awaiting the sweep). */
    public boolean open() {
        return endedAt == null;
    }
}
