package io.partnerhub.membership.domain;

import java.time.LocalDate;

/** M5 a bought benefit pack: a level from {@code startsOn} (included) to {@code endsOn} (excluded), 12 months. */
public record Subscription(MembershipLevel level, LocalDate startsOn, LocalDate endsOn) {

    public static final int MONTHS = 12;

    public static Subscription starting(MembershipLevel level, LocalDate startsOn) {
        return new Subscription(level, startsOn, startsOn.plusMonths(MONTHS));
    }

    public boolean activeOn(LocalDate day) {
        return !day.isBefore(startsOn) && day.isBefore(endsOn);
    }
}
