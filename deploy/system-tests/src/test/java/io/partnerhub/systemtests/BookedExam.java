package io.partnerhub.systemtests;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A fresh exam and a certification that requires only it, a new candidate booked on the exam at a test centre an
 * hour from now, and the clocks moved 3 h so that a result taken at the booked time lies in the past: the start of a
 * journey from an exam result to a certification.
 */
record BookedExam(String exam, String certification, String candidate, String registration, Instant scheduledAt) {

    /**
     * @param examPrefix the exam code before a unique suffix ({@code LC-})
     * @param certificationPrefix the certification id before the same suffix in lower case ({@code lifecycle-associate-})
     */
    static BookedExam book(String examPrefix, String certificationPrefix, String level) {
        String suffix = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase(Locale.ROOT);
        String exam = examPrefix + suffix;
        String certification = certificationPrefix + suffix.toLowerCase(Locale.ROOT);
        RunningSuite.certificationOfOneExam(exam, certification, level);

        String candidate = UUID.randomUUID().toString();
        Instant scheduledAt = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        String registration = RunningSuite.bookAtTestCenter(candidate, exam, scheduledAt);
        RunningSuite.moveClocks("PT3H");
        return new BookedExam(exam, certification, candidate, registration, scheduledAt);
    }

    /** The body of the provider's result of this registration, taken half an hour after the booked time. */
    Map<String, Object> result(String providerResultId, int score) {
        return Map.of("providerResultId", providerResultId, "registrationId", registration, "score", score,
                "takenAt", scheduledAt.plus(Duration.ofMinutes(30)).toString());
    }
}
