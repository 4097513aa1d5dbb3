package io.partnerhub.exam.domain;

import static io.partnerhub.exam.domain.IneligibilityReason.ATTEMPT_LIMIT_REACHED;
import static io.partnerhub.exam.domain.IneligibilityReason.CERTIFICATION_ACTIVE;
import static io.partnerhub.exam.domain.IneligibilityReason.FIRST_FAILURE_WAIT;
import static io.partnerhub.exam.domain.IneligibilityReason.REPEATED_FAILURE_WAIT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * E3 when a result arrives ({@link RetakePolicy#admit}): the attempt is checked against EVERY recorded attempt, taken
 * before or after it, so the order in which results arrive does not matter.
 */
class RetakePolicyAdmissionTest {

    static final Instant T0 = Instant.parse("2026-01-10T09:00:00Z");
    static final RetakePolicy POLICY = RetakePolicy.standard();

    static Instant at(long hours) {
        return T0.plus(Duration.ofHours(hours));
    }

    static PastAttempt failed(long hours) {
        return PastAttempt.failed(at(hours));
    }

    static PastAttempt passed(long hours) {
        return PastAttempt.passed(at(hours));
    }

    static PastAttempt withheld(long hours) {
        return PastAttempt.withheld(at(hours));
    }

    /** Failures 15 days apart, each allowed after the one before (14-day wait), from hour 0. */
    static List<PastAttempt> failuresEvery15Days(int count, long firstAtHours) {
        return Stream.iterate(firstAtHours, h -> h + 15 * 24).limit(count).map(RetakePolicyAdmissionTest::failed).toList();
    }

    /**
     * @param expectedReason    null = admitted
     * @param expectedLaterAt   the later attempt it would breach (hours from T0), null when the attempt itself is too early
     */
    static Stream<Arguments> cases() {
        List<CertificationCover> none = List.of();
        return Stream.of(
                Arguments.of("the first attempt is admitted", List.of(), none, failed(0), null, null),
                Arguments.of("an attempt after the 24 h wait is admitted", List.of(failed(0)), none, failed(25), null, null),
                Arguments.of("an attempt within 24 h of a first failure is refused", List.of(failed(0)), none, failed(2), FIRST_FAILURE_WAIT, null),
                Arguments.of("an earlier failure posted after a later sitting within its 24 h is refused",
                        List.of(passed(2)), none, failed(0), FIRST_FAILURE_WAIT, 2L),
                Arguments.of("an earlier failure posted after a later failure within its 24 h is refused",
                        List.of(failed(2)), none, failed(0), FIRST_FAILURE_WAIT, 2L),
                Arguments.of("an earlier pass posted after a later sitting is admitted (a pass needs no wait)",
                        List.of(failed(2)), none, passed(0), null, null),
                Arguments.of("an earlier failure more than 24 h before the later sitting is admitted",
                        List.of(failed(30)), none, failed(0), null, null),
                Arguments.of("an earlier failure that makes the later one a second failure within 14 days is refused",
                        List.of(failed(48), failed(48 + 10 * 24)), none, failed(0), REPEATED_FAILURE_WAIT, 48L + 10 * 24),
                Arguments.of("an earlier withheld (beta) result breaks no wait of a later sitting",
                        List.of(failed(2)), none, withheld(0), null, null),
                Arguments.of("a sixth attempt in the window is refused at its place in time",
                        failuresEvery15Days(5, 0), none, failed(100 * 24), ATTEMPT_LIMIT_REACHED, null),
                Arguments.of("a sixth attempt posted before later ones of the window is refused for the last of them",
                        failuresEvery15Days(5, 24 * 20), none, failed(0), ATTEMPT_LIMIT_REACHED, 24L * 80),
                Arguments.of("a later attempt already in breach (recorded before this rule) does not block an unrelated result",
                        List.of(failed(1000), failed(1001)), none, passed(0), null, null),
                Arguments.of("an active certification earned with the exam blocks the attempt",
                        List.of(passed(0)), List.of(CertificationCover.active("h-1", at(24 * 400))), failed(24 * 10), CERTIFICATION_ACTIVE, null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void admitsAnAttemptOnlyIfNoAttemptBeforeOrAfterItBreaksThePolicy(String behaviour, List<PastAttempt> recorded,
            List<CertificationCover> certifications, PastAttempt attempt, IneligibilityReason expectedReason, Long expectedLaterAt) {
        RetakePolicy.Admission admission = POLICY.admit(recorded, certifications, attempt);
        assertEquals(expectedReason == null, admission.admitted(), behaviour);
        if (expectedReason == null) {
            return;
        }
        assertEquals(expectedReason, admission.eligibility().reason());
        if (expectedLaterAt == null) {
            assertNull(admission.laterAttemptTakenAt());
        } else {
            assertEquals(at(expectedLaterAt), admission.laterAttemptTakenAt());
            assertNull(admission.eligibility().nextEligibleAt(), "no next instant: the attempt was taken already");
        }
    }

    /** The same two results, posted in either order, give the same verdict on the pair. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("pairs")
    void theOrderResultsArriveInDoesNotChangeWhatIsAllowed(String behaviour, PastAttempt first, PastAttempt second, boolean bothAllowed) {
        boolean inOrder = POLICY.admit(List.of(first), List.of(), second).admitted();
        boolean reversed = POLICY.admit(List.of(second), List.of(), first).admitted();
        assertEquals(bothAllowed, inOrder, "in order");
        assertEquals(bothAllowed, reversed, "reversed");
    }

    static Stream<Arguments> pairs() {
        return Stream.of(
                Arguments.of("failure then a sitting 2 h later", failed(0), failed(2), false),
                Arguments.of("failure then a sitting 25 h later", failed(0), failed(25), true),
                Arguments.of("pass then a sitting 2 h later", passed(0), failed(2), true),
                Arguments.of("withheld then a sitting 2 h later", withheld(0), failed(2), true));
    }
}
