package io.partnerhub.certification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttemptRulesTest {

    static final Instant EXPIRES = Instant.parse("2027-06-30T12:00:00Z");

    @ParameterizedTest(name = "started {0} before expiry, {1} min → warning {2}")
    @CsvSource({ "PT2H, 45, false", "PT45M, 45, false", "PT44M, 45, true", "PT10M, 45, true" })
    void warnsWhenTheTimeLimitRunsPastTheExpiry(String beforeExpiry, int minutes, boolean warning) {
        Instant deadline = AttemptRules.deadline(EXPIRES.minus(Duration.parse(beforeExpiry)), minutes);
        assertEquals(warning, AttemptRules.deadlineCrossesExpiry(deadline, EXPIRES));
    }

    @ParameterizedTest(name = "{0} after the deadline → answers taken {1}, submitted {2} after start")
    @CsvSource({ "-PT1S, true, PT44M59S", "PT0S, false, PT45M", "PT1H, false, PT45M" })
    void takesAnswersBeforeTheDeadlineAndCountsALateAttemptAsSubmittedAtTheDeadline(String afterDeadline, boolean accepts,
            String submittedAfterStart) {
        Instant started = Instant.parse("2027-01-01T10:00:00Z");
        Instant deadline = AttemptRules.deadline(started, 45);
        Instant now = deadline.plus(Duration.parse(afterDeadline));
        assertEquals(accepts, AttemptRules.acceptsAnswers(deadline, now));
        assertEquals(started.plus(Duration.parse(submittedAfterStart)), AttemptRules.submittedAt(deadline, now));
    }

    @ParameterizedTest(name = "{0}, submitted {1} before expiry, retired {2} → renews {3}")
    @CsvSource({
            "ACTIVE,  PT1S,  false, true",
            "ACTIVE,  PT0S,  false, false", // at the expiry: too late
            "ACTIVE,  -PT1M, false, false", // after it: renews nothing
            "ACTIVE,  P1D,   true,  false", // the certification retired meanwhile
            "REVOKED, P1D,   false, false",
            "EXPIRED, P1D,   false, false" })
    void renewsOnlyWhenSubmittedBeforeTheExpiryOfAnActiveHolding(HoldingStatus status, String beforeExpiry, boolean retired,
            boolean renews) {
        assertEquals(renews, AttemptRules.renews(status, EXPIRES, retired, EXPIRES.minus(Duration.parse(beforeExpiry))));
    }

    @ParameterizedTest(name = "{0} options, kind {1}, correct {2} → {3}")
    @CsvSource(delimiter = '|', value = {
            "4 | SINGLE   | 1   | ''",
            "4 | SINGLE   | 0   | a SINGLE question has exactly one correct option, not 0",
            "4 | SINGLE   | 2   | a SINGLE question has exactly one correct option, not 2",
            "4 | MULTIPLE | 2   | ''",
            "4 | MULTIPLE | 0   | a MULTIPLE question has at least one correct option",
            "1 | SINGLE   | 1   | a question has 2 to 10 options, not 1",
            "11 | MULTIPLE | 1  | a question has 2 to 10 options, not 11" })
    void acceptsQuestionsWithTheRightNumberOfCorrectOptions(int options, QuestionKind kind, int correct, String expected) {
        List<QuestionRules.OptionDraft> drafts = java.util.stream.IntStream.range(0, options)
                .mapToObj(i -> new QuestionRules.OptionDraft("option " + i, i < correct)).toList();
        assertEquals(expected, String.join("; ", QuestionRules.problems(kind, drafts)));
    }
}
