package io.partnerhub.exam.domain;

import static io.partnerhub.exam.domain.IneligibilityReason.ATTEMPT_LIMIT_REACHED;
import static io.partnerhub.exam.domain.IneligibilityReason.CERTIFICATION_ACTIVE;
import static io.partnerhub.exam.domain.IneligibilityReason.FIRST_FAILURE_WAIT;
import static io.partnerhub.exam.domain.IneligibilityReason.REPEATED_FAILURE_WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RetakePolicyTest {

    static final Instant T0 = Instant.parse("2026-01-10T09:00:00Z");
    static final RetakePolicy POLICY = RetakePolicy.standard();

    static Instant t(Duration d) {
        return T0.plus(d);
    }

    static Duration h(long hours) {
        return Duration.ofHours(hours);
    }

    static Duration d(long days) {
        return Duration.ofDays(days);
    }

    static Duration hm(long hours, long minutes) {
        return Duration.ofHours(hours).plusMinutes(minutes);
    }

    record Case(String behaviour, List<PastAttempt> attempts, List<CertificationCover> certifications, Instant at,
                boolean eligible, Instant nextEligibleAt, IneligibilityReason reason, int attemptsInWindow) {
        @Override
        public String toString() {
            return behaviour;
        }
    }

    static Case c(String behaviour, List<PastAttempt> attempts, List<CertificationCover> certs, Instant at,
                  boolean eligible, Instant next, IneligibilityReason reason, int inWindow) {
        return new Case(behaviour, attempts, certs, at, eligible, next, reason, inWindow);
    }

    static List<PastAttempt> fiveFailuresFifteenDaysApart() {
        List<PastAttempt> attempts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            attempts.add(PastAttempt.failed(t(d(15L * i))));
        }
        return attempts;
    }

    static List<PastAttempt> fivePassesAMonthApart() {
        List<PastAttempt> attempts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            attempts.add(PastAttempt.passed(T0.atZone(java.time.ZoneOffset.UTC).plusMonths(i).toInstant()));
        }
        return attempts;
    }

    static final Instant WINDOW_END = Instant.parse("2027-01-10T09:00:00Z");

    static Stream<Case> cases() {
        PastAttempt firstFail = PastAttempt.failed(T0);
        return Stream.of(
                c("a candidate who never took the exam is eligible", List.of(), List.of(), T0,
                        true, T0, null, 0),
                c("23h59 after a first failure is still within the 24 hour wait", List.of(firstFail), List.of(), t(hm(23, 59)),
                        false, t(h(24)), FIRST_FAILURE_WAIT, 1),
                c("exactly 24 hours after a first failure is eligible", List.of(firstFail), List.of(), t(h(24)),
                        true, t(h(24)), null, 1),
                c("13 days after a second failure is still within the 14 day wait",
                        List.of(firstFail, PastAttempt.failed(t(d(2)))), List.of(), t(d(2 + 13)),
                        false, t(d(2 + 14)), REPEATED_FAILURE_WAIT, 2),
                c("14 days after a second failure is eligible",
                        List.of(firstFail, PastAttempt.failed(t(d(2)))), List.of(), t(d(2 + 14)),
                        true, t(d(2 + 14)), null, 2),
                c("25 hours after a second failure is not enough: later failures wait 14 days",
                        List.of(firstFail, PastAttempt.failed(t(d(2)))), List.of(), t(d(2).plusHours(25)),
                        false, t(d(2 + 14)), REPEATED_FAILURE_WAIT, 2),
                c("a pass resets the failure count so the next failure waits 24 hours only",
                        List.of(firstFail, PastAttempt.failed(t(d(2))), PastAttempt.passed(t(d(20))), PastAttempt.failed(t(d(30)))),
                        List.of(), t(d(30).plusHours(24)),
                        true, t(d(30).plusHours(24)), null, 4),
                c("a withheld beta result is neither pass nor failure: the 24 hour wait of the failure before still holds",
                        List.of(firstFail, PastAttempt.withheld(t(h(1)))), List.of(), t(h(23)),
                        false, t(h(24)), FIRST_FAILURE_WAIT, 2),
                c("a withheld beta result does not make the next failure a later failure",
                        List.of(PastAttempt.withheld(T0), PastAttempt.failed(t(d(1)))), List.of(), t(d(2)),
                        true, t(d(2)), null, 2),
                c("the 5th attempt in the window can be booked after 4 earlier ones",
                        fiveFailuresFifteenDaysApart().subList(0, 4), List.of(), t(d(60)),
                        true, t(d(60)), null, 4),
                c("a 6th attempt in the window is refused until the window ends",
                        fiveFailuresFifteenDaysApart(), List.of(), t(d(100)),
                        false, WINDOW_END, ATTEMPT_LIMIT_REACHED, 5),
                c("5 passes without a certification still use up the window",
                        fivePassesAMonthApart(), List.of(), t(d(200)),
                        false, WINDOW_END, ATTEMPT_LIMIT_REACHED, 5),
                c("one second before the window ends the limit still applies",
                        fiveFailuresFifteenDaysApart(), List.of(), WINDOW_END.minusSeconds(1),
                        false, WINDOW_END, ATTEMPT_LIMIT_REACHED, 5),
                c("the window rolls over 12 months after its first attempt",
                        fiveFailuresFifteenDaysApart(), List.of(), WINDOW_END,
                        true, WINDOW_END, null, 0),
                c("an attempt at the window's end opens a new window counting from 1",
                        concat(fiveFailuresFifteenDaysApart(), PastAttempt.passed(WINDOW_END)), List.of(), WINDOW_END.plus(d(1)),
                        true, WINDOW_END.plus(d(1)), null, 1),
                c("passed and certified blocks a retake until the certification expires",
                        List.of(PastAttempt.passed(T0)), List.of(CertificationCover.active("h1", t(d(365)))), t(d(10)),
                        false, t(d(365)), CERTIFICATION_ACTIVE, 1),
                c("once the certification has expired by the clock the exam can be taken again",
                        List.of(PastAttempt.passed(T0)), List.of(CertificationCover.active("h1", t(d(365)))), t(d(365)),
                        true, t(d(365)), null, 0),
                c("a certification expired by event no longer blocks",
                        List.of(PastAttempt.passed(T0)), List.of(CertificationCover.ended("h1")), t(d(10)),
                        true, t(d(10)), null, 1),
                c("a never-expiring certification blocks with no next eligible instant",
                        List.of(PastAttempt.passed(T0)), List.of(CertificationCover.active("h1", null)), t(d(10)),
                        false, null, CERTIFICATION_ACTIVE, 1),
                c("passed but no certification earned with it may be taken again at once",
                        List.of(PastAttempt.passed(T0)), List.of(), t(Duration.ofMinutes(1)),
                        true, t(Duration.ofMinutes(1)), null, 1),
                c("of several blocking rules the one that waits longest is reported",
                        fiveFailuresFifteenDaysApart(), List.of(CertificationCover.active("h1", WINDOW_END.plus(d(30)))), t(d(100)),
                        false, WINDOW_END.plus(d(30)), CERTIFICATION_ACTIVE, 5),
                c("attempts after the instant asked about are ignored",
                        List.of(PastAttempt.failed(t(d(5)))), List.of(), T0,
                        true, T0, null, 0));
    }

    static List<PastAttempt> concat(List<PastAttempt> attempts, PastAttempt more) {
        List<PastAttempt> all = new ArrayList<>(attempts);
        all.add(more);
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decidesEligibility(Case c) {
        Eligibility e = POLICY.evaluate(c.attempts(), c.certifications(), c.at());
        assertEquals(c.eligible(), e.eligible(), "eligible");
        assertEquals(c.nextEligibleAt(), e.nextEligibleAt(), "nextEligibleAt");
        assertEquals(c.reason(), e.reason(), "reason");
        assertEquals(c.attemptsInWindow(), e.attemptsInWindow(), "attemptsInWindow");
    }

    @Test
    void orderOfAttemptsDoesNotMatter() {
        List<PastAttempt> attempts = new ArrayList<>(fiveFailuresFifteenDaysApart());
        java.util.Collections.reverse(attempts);
        Eligibility e = POLICY.evaluate(attempts, List.of(), t(d(100)));
        assertFalse(e.eligible());
        assertEquals(WINDOW_END, e.nextEligibleAt());
    }

    static Stream<Arguments> monthLengths() {
        // a window is 12 calendar months, not 365 days: a window opened on 29 Feb ends on 28 Feb next year
        return Stream.of(
                Arguments.of("2028-02-29T10:00:00Z", "2029-02-28T10:00:00Z"),
                Arguments.of("2026-03-31T00:00:00Z", "2027-03-31T00:00:00Z"));
    }

    @ParameterizedTest(name = "window opened {0} ends {1}")
    @MethodSource("monthLengths")
    void windowLastsTwelveCalendarMonths(String start, String end) {
        Instant s = Instant.parse(start);
        List<PastAttempt> attempts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            attempts.add(PastAttempt.passed(s.plus(Duration.ofDays(i))));
        }
        Eligibility e = POLICY.evaluate(attempts, List.of(), s.plus(Duration.ofDays(30)));
        assertEquals(Instant.parse(end), e.nextEligibleAt());
        assertTrue(POLICY.evaluate(attempts, List.of(), Instant.parse(end)).eligible());
        assertNull(POLICY.evaluate(attempts, List.of(), Instant.parse(end)).reason());
    }
}
