package io.partnerhub.exam.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/** E1 lifecycle, derived from the announced retirement date and the clock (dates are UTC). */
public enum ExamStatus {
    ACTIVE, RETIRING, RETIRED;

    /** ACTIVE without a retirement date; RETIRING before {@code retiresOn}; RETIRED from that day on. */
    public static ExamStatus on(LocalDate retiresOn, LocalDate day) {
        if (retiresOn == null) {
            return ACTIVE;
        }
        return day.isBefore(retiresOn) ? RETIRING : RETIRED;
    }

    public static ExamStatus at(LocalDate retiresOn, Instant instant) {
        return on(retiresOn, LocalDate.ofInstant(instant, ZoneOffset.UTC));
    }
}
