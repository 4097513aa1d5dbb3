package io.partnerhub.membership.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** #23 the rules of notifications: which kinds a person may turn off, the signed unsubscribe, retries, differences. */
class NotificationRulesTest {

    @ParameterizedTest(name = "{0} chosen {1}: sent {2}")
    @CsvSource(nullValues = "never", value = {
            "INVITATION,            false, true",
            "WEBHOOK_DISABLED,      false, true",
            "INVITATION,            never, true",
            "COMPETENCY_AT_RISK,    never, true",
            "COMPETENCY_AT_RISK,    true,  true",
            "COMPETENCY_AT_RISK,    false, false",
            "EXAM_SCORE_REPORT,     false, false",
            "RENEWAL_DUE_7_DAYS,    false, false"})
    void securityKindsAreAlwaysSentOthersUnlessTurnedOff(NotificationKind kind, Boolean chosen, boolean sent) {
        assertEquals(sent, kind.sendsTo(chosen));
    }

    @ParameterizedTest(name = "\"{0}\" reads as {1}")
    @CsvSource(nullValues = "none", value = {
            "COMPETENCY_AT_RISK, COMPETENCY_AT_RISK",
            "competency-at-risk, COMPETENCY_AT_RISK",
            " exam_score_report , EXAM_SCORE_REPORT",
            "AT_RISK,            none",
            "'',                 none"})
    void kindsReadInAnyCaseWithDashesOrUnderscores(String name, String kind) {
        assertEquals(Optional.ofNullable(kind).map(NotificationKind::valueOf), NotificationKind.parse(name));
    }

    private static final UnsubscribeSignature SIGNATURE = new UnsubscribeSignature(
            "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII));

    @Test
    void anUnsubscribeSignatureHoldsOnlyForItsPersonAndKind() {
        UUID ada = UUID.randomUUID();
        UUID grace = UUID.randomUUID();
        String signed = SIGNATURE.sign(ada, NotificationKind.COMPETENCY_AT_RISK);
        assertTrue(SIGNATURE.verifies(ada, NotificationKind.COMPETENCY_AT_RISK, signed));
        assertFalse(SIGNATURE.verifies(grace, NotificationKind.COMPETENCY_AT_RISK, signed), "another person");
        assertFalse(SIGNATURE.verifies(ada, NotificationKind.COMPETENCY_LOST, signed), "another kind");
        assertFalse(SIGNATURE.verifies(ada, NotificationKind.COMPETENCY_AT_RISK, signed.substring(1)), "altered");
        assertFalse(SIGNATURE.verifies(ada, NotificationKind.COMPETENCY_AT_RISK, "not base64!"));
        assertFalse(SIGNATURE.verifies(ada, NotificationKind.COMPETENCY_AT_RISK, null));
        UnsubscribeSignature otherKey = new UnsubscribeSignature(
                "fedcba9876543210fedcba9876543210".getBytes(StandardCharsets.US_ASCII));
        assertFalse(otherKey.verifies(ada, NotificationKind.COMPETENCY_AT_RISK, signed), "another key");
    }

    @Test
    void anUnsubscribeKeyShorterThan256BitsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new UnsubscribeSignature(new byte[31]));
        assertThrows(IllegalArgumentException.class, () -> UnsubscribeSignature.ofBase64("c2hvcnQ="));
    }

    @ParameterizedTest(name = "after {0} failed attempts: {1}, next in {2}")
    @CsvSource({
            "1,  RETRYING, PT30S",
            "2,  RETRYING, PT1M",
            "3,  RETRYING, PT2M",
            "7,  RETRYING, PT30M",
            "59, RETRYING, PT30M",
            "60, FAILED,   PT30M"})
    void aFailedMailWaitsDoublingUpToTheCapThenFails(int attempts, MailRetry.Outcome outcome, Duration wait) {
        MailRetry retry = new MailRetry(Duration.ofSeconds(30), Duration.ofMinutes(30), 60);
        Instant now = Instant.parse("2026-12-07T09:00:00Z");
        assertEquals(outcome, retry.afterFailure(attempts));
        assertEquals(now.plus(wait), retry.nextAttempt(attempts, now));
    }

    @Test
    void aNewRequirementVersionReportsThePathsItAddsAndDropsPerLevel() {
        Map<String, List<String>> before = new LinkedHashMap<>();
        before.put("Silver", List.of("2 people holding any of az-104"));
        before.put("Gold", List.of("4 people holding any of az-305"));
        Map<String, List<String>> after = new LinkedHashMap<>();
        after.put("Silver", List.of("2 people holding any of az-104, az-204"));
        after.put("Gold", List.of("4 people holding any of az-305"));
        assertEquals(List.of("Silver: new path: 2 people holding any of az-104, az-204",
                "Silver: path no longer counts: 2 people holding any of az-104"), RequirementDifference.of(before, after));
        assertEquals(List.of(), RequirementDifference.of(after, after), "the same requirements: nothing to tell");
        assertEquals(List.of("Silver: new path: 2 people holding any of az-104, az-204",
                "Gold: new path: 4 people holding any of az-305"), RequirementDifference.of(Map.of(), after), "a first version");
    }
}
