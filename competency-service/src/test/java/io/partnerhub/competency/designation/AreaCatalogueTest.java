package io.partnerhub.competency.designation;

import static io.partnerhub.competency.EventsSupport.certification;
import static io.partnerhub.competency.EventsSupport.unique;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The per-instance catalogue copy and a transaction that changes a level: a consumer applies a poll's events in one
 * transaction, so an earned event after a certification.defined that moved a certification to another level must
 * count it at the new level in that same transaction, and every other transaction at the old one until it commits.
 */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class AreaCatalogueTest {

    @Inject
    AreaCatalogue catalogue;

    @Inject
    DesignationFacts facts;

    @Test
    void aLevelChangedInATransactionIsCountedAtTheNewLevelInThatTransactionAndNowhereElseUntilItCommits() throws Exception {
        String moving = unique("cert-");
        String other = unique("cert-");
        certification(DesignationEventsTest.defined(moving, "ASSOCIATE"));
        certification(DesignationEventsTest.defined(other, "EXPERT"));
        String area = DesignationEventsTest.area(moving, other);
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> sets(area).get(DesignationFacts.INTERMEDIATE).contains(moving)));

        assertThrows(Undone.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            facts.level(moving, "EXPERT", catalogue);
            assertEquals(Set.of(), sets(area).get(DesignationFacts.INTERMEDIATE), "this transaction sees its own change");
            assertEquals(Set.of(moving, other), sets(area).get(DesignationFacts.ADVANCED));
            throw new Undone(); // rolls the transaction back
        }));

        Map<String, Set<String>> after = QuarkusTransaction.requiringNew().call(() -> sets(area));
        assertEquals(Set.of(moving), after.get(DesignationFacts.INTERMEDIATE), "rolled back: the old level again");
        assertEquals(Set.of(other), after.get(DesignationFacts.ADVANCED));
    }

    private static final class Undone extends RuntimeException {
    }

    private Map<String, Set<String>> sets(String areaId) {
        AreaCatalogue.Area area = catalogue.find(areaId).orElseThrow();
        return catalogue.skillSets(area, area.inEffect(LocalDate.now(ZoneOffset.UTC)).orElseThrow());
    }
}
