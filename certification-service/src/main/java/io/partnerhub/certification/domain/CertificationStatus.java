package io.partnerhub.certification.domain;

import java.time.LocalDate;

/**
 * C1/C5 lifecycle, derived from the clock: ACTIVE without a retirement date, RETIRING before the announced
 * {@code retiresOn}, RETIRED from that (UTC) date on.
 */
public enum CertificationStatus {
    ACTIVE, RETIRING, RETIRED;

    public static CertificationStatus of(LocalDate retiresOn, LocalDate today) {
        if (retiresOn == null) {
            return ACTIVE;
        }
        return today.isBefore(retiresOn) ? RETIRING : RETIRED;
    }
}
