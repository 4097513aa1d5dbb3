package io.partnerhub.competency.designation;

import static io.partnerhub.competency.EventsSupport.JSON;
import static io.partnerhub.competency.EventsSupport.earned;
import static io.partnerhub.competency.EventsSupport.employee;
import static io.partnerhub.competency.EventsSupport.organizationRegistered;
import static io.partnerhub.competency.EventsSupport.performance;
import static io.partnerhub.competency.EventsSupport.unique;
import static io.partnerhub.competency.designation.DesignationEventsTest.awaitDesignation;
import static io.partnerhub.competency.designation.DesignationEventsTest.defined;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.partnerhub.chassis.events.CloudEvent;
import io.partnerhub.chassis.events.EventHandler;
import io.partnerhub.competency.events.CertificationEventsHandler;
import io.partnerhub.competency.events.MembershipEventsHandler;
import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 25 stage 8: the designation evaluation after the consumer's commit ({@link DesignationWorker}). The events are
 * applied through the consumers' handlers in transactions of the test (as the inbox applies them), so what the
 * transaction wrote can be read before and after its commit: the marker with the status, the evaluation after the
 * commit, the marker left by a crash and evaluated by the sweep, a repeated evaluation writing nothing, one organisation
 * evaluated by one transaction at a time with its events in order.
 */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class DesignationWorkerTest {

    private static final Instant LASTING = Instant.now().plus(Duration.ofDays(1200)).truncatedTo(ChronoUnit.SECONDS);

    @Inject
    CertificationEventsHandler certifications;
    @Inject
    MembershipEventsHandler membership;
    @Inject
    DesignationWorker worker;
    @Inject
    DesignationPending pending;
    @Inject
    EntityManager em;

    @AfterEach
    void restartWorker() {
        worker.beforeDelete(null);
        worker.start();
    }

    /** An area (40 points for an intermediate, 30 for an advanced, 30 for 2 new customers) and its two certifications. */
    record Area(String id, String intermediate, String advanced) {
    }

    Area area() throws Exception {
        String intermediate = unique("cert-");
        String advanced = unique("cert-");
        apply(certifications, defined(intermediate, "ASSOCIATE"));
        apply(certifications, defined(advanced, "EXPERT"));
        return new Area(DesignationEventsTest.area(intermediate, advanced), intermediate, advanced);
    }

    /** A registered organisation with these members. */
    String organization(String... candidates) throws Exception {
        String org = UUID.randomUUID().toString();
        apply(membership, organizationRegistered(org));
        for (String candidate : candidates) {
            apply(membership, employee("joined", org, candidate, null));
        }
        return org;
    }

    void apply(EventHandler handler, ObjectNode event) {
        QuarkusTransaction.requiringNew().run(() -> handle(handler, event));
    }

    static void handle(EventHandler handler, ObjectNode event) {
        try {
            handler.handle(CloudEvent.parse(JSON.writeValueAsBytes(event)));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    long count(String sql, String organizationId) {
        return ((Number) em.createNativeQuery(sql).setParameter(1, organizationId).getSingleResult()).longValue();
    }

    long markers(String organizationId) {
        return QuarkusTransaction.requiringNew().call(() -> count("SELECT count(*) FROM designation_pending WHERE organization_id = ?1",
                organizationId));
    }

    /** The organisation's designation state as stored, one text row each, and its events in the outbox (in order). */
    List<String> stored(String organizationId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<String> rows = new ArrayList<>();
            for (String sql : List.of(
                    "SELECT concat_ws('|', solution_area_id, state, track, score_tenths, qualifies_today, last_evaluated, updated_at)"
                            + " FROM designation_status WHERE organization_id = ?1 ORDER BY 1",
                    "SELECT concat_ws('|', specialisation_id, state, have, need, updated_at) FROM specialisation_status"
                            + " WHERE organization_id = ?1 ORDER BY 1",
                    "SELECT concat_ws('|', solution_area_id, subject, day) FROM designation_qualifying_day WHERE organization_id = ?1 ORDER BY 1",
                    "SELECT concat_ws('|', scope, figure, effective, value) FROM designation_fact WHERE organization_id = ?1 ORDER BY 1",
                    "SELECT concat_ws('|', seq, event_type) FROM outbox_event WHERE event_key = ?1 ORDER BY seq")) {
                @SuppressWarnings("unchecked")
                List<Object> result = em.createNativeQuery(sql).setParameter(1, organizationId).getResultList();
                result.forEach(r -> rows.add(String.valueOf(r)));
            }
            return rows;
        });
    }

    List<String> outboxTypes(String organizationId, String prefix) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object> types = em.createNativeQuery("SELECT event_type FROM outbox_event WHERE event_key = ?1 AND event_type LIKE ?2"
                    + " ORDER BY seq").setParameter(1, organizationId).setParameter(2, prefix + "%").getResultList();
            return types.stream().map(String::valueOf).toList();
        });
    }

    @Test
    void theMarkerIsWrittenWithTheStatusAndTheDesignationIsEvaluatedAfterTheCommit() throws Exception {
        Area area = area();
        String ana = unique("cand-");
        String org = organization(ana);
        await().atMost(Duration.ofSeconds(30)).until(() -> markers(org) == 0);
        worker.stop(); // what the transaction left is read before the worker evaluates it

        ObjectNode earned = earned(ana, area.intermediate(), LASTING);
        QuarkusTransaction.requiringNew().run(() -> {
            handle(certifications, earned);
            assertEquals(1, count("SELECT count(*) FROM designation_pending WHERE organization_id = ?1", org),
                    "the marker is written in the consumer's transaction");
            assertTrue(count("SELECT count(*) FROM skill_holders WHERE organization_id = ?1 AND holders > 0", org) > 0,
                    "with the competency facts");
            assertEquals(0, count("SELECT count(*) FROM designation_fact WHERE organization_id = ?1 AND figure = 'intermediate-certified'"
                    + " AND value > 0", org), "the designation is not evaluated in it");
        });
        assertEquals(1, markers(org), "the marker is committed with the status");

        String bo = unique("cand-");
        ObjectNode joined = employee("joined", org, bo, null);
        QuarkusTransaction.begin();
        try {
            handle(membership, joined);
        } finally {
            QuarkusTransaction.rollback();
        }
        assertEquals(1, markers(org), "a rolled back event marks nothing");

        worker.start();
        awaitDesignation(org, area.id(), s -> s.body("score", equalTo(40.0f)).body("state", equalTo("NONE")));
        await().atMost(Duration.ofSeconds(30)).until(() -> markers(org) == 0);
    }

    @Test
    void aCrashBeforeTheMarkerIsDeletedLeavesItAndTheNextEvaluationTakesItUp() throws Exception {
        Area area = area();
        String ana = unique("cand-");
        String org = organization(ana);
        AtomicInteger crashes = new AtomicInteger();
        worker.beforeDelete(o -> {
            if (o.equals(org)) {
                crashes.incrementAndGet();
                throw new IllegalStateException("crash between the evaluation and the marker's delete");
            }
        });
        apply(certifications, earned(ana, area.intermediate(), LASTING));
        await().atMost(Duration.ofSeconds(30)).until(() -> crashes.get() >= 2); // after the commit, then after a backoff
        assertEquals(1, markers(org), "the marker is left");
        assertEquals(0, QuarkusTransaction.requiringNew().call(() -> count("SELECT count(*) FROM designation_fact WHERE"
                + " organization_id = ?1 AND figure = 'intermediate-certified' AND value > 0", org)), "the crashed evaluation wrote nothing");

        worker.beforeDelete(null);
        awaitDesignation(org, area.id(), s -> s.body("score", equalTo(40.0f)));
        await().atMost(Duration.ofSeconds(30)).until(() -> markers(org) == 0);
    }

    @Test
    void anOrganisationWhoseEvaluationFailsDoesNotHoldUpTheMarkersAfterIt() throws Exception {
        Area area = area();
        String ana = unique("cand-");
        String ben = unique("cand-");
        String failing = organization(ana);
        String other = organization(ben);
        await().atMost(Duration.ofSeconds(30)).until(() -> markers(failing) == 0 && markers(other) == 0);
        worker.stop();
        apply(certifications, earned(ana, area.intermediate(), LASTING));
        apply(certifications, earned(ben, area.intermediate(), LASTING));
        worker.beforeDelete(o -> {
            if (o.equals(failing)) {
                throw new IllegalStateException("this organisation's evaluation fails");
            }
        });

        assertThrows(IllegalStateException.class, worker::sweep, "the failure is reported after the others");
        assertEquals(1, markers(failing), "the failed one keeps its marker");
        assertEquals(0, markers(other), "the one after it (or before it) was evaluated all the same");
        awaitDesignation(other, area.id(), s -> s.body("score", equalTo(40.0f)));
    }

    @Test
    void aMarkerLeftWhenTheServiceStoppedIsEvaluatedAtStartUp() throws Exception {
        Area area = area();
        String ana = unique("cand-");
        String org = organization(ana);
        await().atMost(Duration.ofSeconds(30)).until(() -> markers(org) == 0);
        worker.stop(); // as if the process ended right after the consumer's commit
        apply(certifications, earned(ana, area.intermediate(), LASTING));
        assertEquals(1, markers(org));

        worker.start();
        awaitDesignation(org, area.id(), s -> s.body("score", equalTo(40.0f)));
        await().atMost(Duration.ofSeconds(30)).until(() -> markers(org) == 0);
    }

    @Test
    void aRepeatedEvaluationThatFindsNothingNewWritesNothing() throws Exception {
        Area area = area();
        String ana = unique("cand-");
        String org = organization(ana);
        apply(certifications, earned(ana, area.intermediate(), LASTING));
        awaitDesignation(org, area.id(), s -> s.body("score", equalTo(40.0f)));
        await().atMost(Duration.ofSeconds(30)).until(() -> markers(org) == 0);
        worker.stop();
        List<String> before = stored(org);

        QuarkusTransaction.requiringNew().run(() -> pending.mark(List.of(org), false)); // marked again, nothing changed
        assertTrue(worker.evaluate(org));
        assertFalse(worker.evaluate(org), "no marker: nothing to evaluate");
        assertEquals(before, stored(org), "no row written, no event published");
        assertEquals(0, markers(org));
    }

    @Test
    void oneOrganisationIsEvaluatedByOneTransactionAtATimeAndItsEventsKeepTheirOrder() throws Exception {
        Area area = area();
        String ana = unique("cand-");
        String bo = unique("cand-");
        String org = organization(ana, bo);
        await().atMost(Duration.ofSeconds(30)).until(() -> markers(org) == 0);
        worker.stop(); // the marker is evaluated by the threads below only
        apply(certifications, earned(ana, area.intermediate(), LASTING));
        apply(certifications, earned(bo, area.advanced(), LASTING));
        apply(membership, performance(org, "NEW_CUSTOMERS", 2, LocalDate.now(ZoneOffset.UTC)));

        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> evaluations = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<Boolean> evaluation = () -> {
                    go.await();
                    return worker.evaluate(org);
                };
                evaluations.add(threads.submit(evaluation));
            }
            go.countDown();
            int evaluated = 0;
            for (Future<Boolean> evaluation : evaluations) {
                evaluated += evaluation.get() ? 1 : 0;
            }
            assertEquals(1, evaluated, "the others found the marker gone once they had the lock");
        } finally {
            threads.shutdown();
        }
        assertEquals(List.of("io.partnerhub.designation.attained.v1"), outboxTypes(org, "io.partnerhub.designation."));
        assertEquals(List.of("io.partnerhub.specialisation.attained.v1"), outboxTypes(org, "io.partnerhub.specialisation."));

        apply(membership, employee("left", org, bo, "DEPARTED"));
        assertTrue(worker.evaluate(org));
        assertEquals(List.of("io.partnerhub.designation.attained.v1", "io.partnerhub.designation.at-risk.v1"),
                outboxTypes(org, "io.partnerhub.designation."), "in the order of the evaluations");
    }
}
