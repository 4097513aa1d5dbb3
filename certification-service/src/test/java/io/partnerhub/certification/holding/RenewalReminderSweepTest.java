package io.partnerhub.certification.holding;

import static io.partnerhub.certification.holding.TestSupport.earn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.partnerhub.certification.holding.TestSupport.Earned;
import io.partnerhub.chassis.testing.ClockMovingTest;
import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** #23 the expiry sweep publishes renewal-due.v1 when the window opens, 30 and 7 days before expiry, each once. */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class RenewalReminderSweepTest extends ClockMovingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    void moveClockTo(Instant at) {
        clock.advance(Duration.between(clock.instant(), at));
    }

    @Test
    void theSweepRemindsWhenTheWindowOpensThen30And7DaysBeforeExpiryEachOnce() throws Exception {
        Earned holding = earn("ASSOCIATE");
        moveClockTo(holding.expiresAt().minus(Duration.ofDays(181)));
        moveClockTo(holding.expiresAt().minus(Duration.ofDays(180)).plusSeconds(60));
        List<JsonNode> reminders = TestSupport.renewalReminders(holding.candidateId(), WAIT, 1);
        assertEquals(1, reminders.size());
        JsonNode opened = reminders.get(0).path("data");
        assertTrue(opened.path("windowOpened").asBoolean());
        assertEquals(180, opened.path("daysLeft").asInt());
        assertEquals(holding.holdingId(), opened.path("holdingId").asText());
        assertEquals(holding.expiresAt().toString(), opened.path("expiresAt").asText());

        moveClockTo(holding.expiresAt().minus(Duration.ofDays(100))); // still the window: nothing new
        moveClockTo(holding.expiresAt().minus(Duration.ofDays(30)));
        reminders = TestSupport.renewalReminders(holding.candidateId(), WAIT, 2);
        assertEquals(30, reminders.get(1).path("data").path("daysLeft").asInt());
        assertEquals(false, reminders.get(1).path("data").path("windowOpened").asBoolean());

        moveClockTo(holding.expiresAt().minus(Duration.ofDays(5)));
        reminders = TestSupport.renewalReminders(holding.candidateId(), WAIT, 3);
        assertEquals(5, reminders.get(2).path("data").path("daysLeft").asInt());
        // the sweeps in between published nothing more: three reminders, then the expiry
        moveClockTo(holding.expiresAt().plusSeconds(1));
        TestSupport.certificationEvents(holding.candidateId(), WAIT, 2);
        assertEquals(3, TestSupport.renewalReminders(holding.candidateId(), Duration.ofSeconds(2), Integer.MAX_VALUE).size());
    }

    @Test
    void aClockJumpingToTheLastWeekRemindsOnceOf7Days() throws Exception {
        Earned holding = earn("ASSOCIATE");
        moveClockTo(holding.expiresAt().minus(Duration.ofDays(3)));
        List<JsonNode> reminders = TestSupport.renewalReminders(holding.candidateId(), WAIT, 1);
        assertEquals(3, reminders.get(0).path("data").path("daysLeft").asInt());
        moveClockTo(holding.expiresAt().minus(Duration.ofDays(2)));
        moveClockTo(holding.expiresAt().plusSeconds(1));
        TestSupport.certificationEvents(holding.candidateId(), WAIT, 2); // earned, expired: the sweeps ran
        assertEquals(1, TestSupport.renewalReminders(holding.candidateId(), Duration.ofSeconds(2), Integer.MAX_VALUE).size());
    }
}
