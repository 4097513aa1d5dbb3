package io.partnerhub.competency.live;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.partnerhub.chassis.events.EventPublisher.EventsCommitted;
import io.partnerhub.competency.live.StatusWatch.Change;
import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * Issue #25: a local commit that published a competency.* event of a watched organisation is announced at once, as
 * EventPublisher fires it after the commit; the organisations here have no status rows, so the fingerprint check that
 * follows finds nothing new and any announcement is the commit's.
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
            // announced in the same loop as the competency change: a designation event alone is no status change
            assertEquals(List.of(), designatedChanges);
        } finally {
            first.cancel();
            second.cancel();
        }
    }
}
