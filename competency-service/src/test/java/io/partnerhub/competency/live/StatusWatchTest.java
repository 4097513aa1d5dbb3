package io.partnerhub.competency.live;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.partnerhub.chassis.events.EventPublisher.EventsCommitted;
import io.partnerhub.competency.domain.Level;
import io.partnerhub.competency.events.CompetencyChanged;
import io.partnerhub.competency.live.StatusWatch.Change;
import io.partnerhub.competency.live.StatusWatch.CompetencyChange;
import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * Issue #25: a local commit that published a competency.* event of a watched organisation is announced at once, as
 * EventPublisher fires it after the commit, with what its competency events say; the organisations here have no status
 * rows, so the fingerprint check that follows finds nothing new and any announcement is the commit's.
 */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class StatusWatchTest {

    @Inject
    StatusWatch watch;
    @Inject
    Event<EventsCommitted> committed;

    @Test
    void announcesACompetencyChangeCommittedHereAndNotADesignationChange() {
        String attained = UUID.randomUUID().toString();
        String designated = UUID.randomUUID().toString();
        List<Change> attainedChanges = new CopyOnWriteArrayList<>();
        List<Change> designatedChanges = new CopyOnWriteArrayList<>();
        Cancellable first = watch.changes(attained).subscribe().with(attainedChanges::add);
        Cancellable second = watch.changes(designated).subscribe().with(designatedChanges::add);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> watch.watches(attained) && watch.watches(designated));

            committed.fire(new EventsCommitted(Set.of(attained, designated), Map.of(
                    attained, Set.of("io.partnerhub.competency.attained.v1"),
                    designated, Set.of("io.partnerhub.designation.attained.v1"))));

            await().atMost(Duration.ofSeconds(10)).until(() -> !attainedChanges.isEmpty());
            assertEquals(attained, attainedChanges.get(0).organizationId());
            // the types alone (no events carried): told, without what changed (the client GETs)
            assertNull(attainedChanges.get(0).changes());
            // announced in the same loop as the competency change: a designation event alone is no status change
            assertEquals(List.of(), designatedChanges);
        } finally {
            first.cancel();
            second.cancel();
        }
    }

    @Test
    void aCompetencyChangeCommittedHereIsToldWithItsLevelAndNothingOfAnotherOrganisation() {
        String organization = UUID.randomUUID().toString();
        String other = UUID.randomUUID().toString();
        Instant validUntil = Instant.parse("2027-12-01T11:20:05Z");
        List<Change> told = new CopyOnWriteArrayList<>();
        Cancellable stream = watch.changes(organization).subscribe().with(told::add);
        try {
            await().atMost(Duration.ofSeconds(10)).until(() -> watch.watches(organization));
            CompetencyChanged attained = new CompetencyChanged(io.partnerhub.competency.domain.Change.ATTAINED, organization,
                    "cloud-platform", Level.SILVER, validUntil, List.of());
            CompetencyChanged atRisk = new CompetencyChanged(io.partnerhub.competency.domain.Change.AT_RISK, organization,
                    "data-ai", Level.GOLD, validUntil, List.of("GOLD requirement not met (path 1)"));
            // never the case (the subject is the organisation), but were it: another organisation's event stays out
            CompetencyChanged elsewhere = new CompetencyChanged(io.partnerhub.competency.domain.Change.LAPSED, other,
                    "security", Level.NONE, null, List.of());

            committed.fire(new EventsCommitted(Set.of(organization),
                    Map.of(organization, Set.of(attained.type(), atRisk.type())),
                    Map.of(organization, List.of(attained, atRisk, elsewhere))));

            await().atMost(Duration.ofSeconds(10)).until(() -> !told.isEmpty());
            assertEquals(List.of(new CompetencyChange("cloud-platform", "attained", Level.SILVER, validUntil, List.of()),
                    new CompetencyChange("data-ai", "at-risk", Level.GOLD, validUntil, List.of("GOLD requirement not met (path 1)"))),
                    told.get(0).changes());
        } finally {
            stream.cancel();
        }
    }
}
