package io.partnerhub.certification.holding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.partnerhub.certification.domain.CertificationLevel;
import io.partnerhub.certification.domain.HoldingStatus;
import io.partnerhub.certification.domain.RecipientIdentity;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.partnerhub.devstack.test.PartnerHubTestResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * C4: sweeps running at once (two callers here plus the application's scheduled sweep, as several instances would)
 * expire every overdue holding exactly once, in bounded batches, each with exactly one certification.expired.v1 in
 * the outbox.
 */
@QuarkusTest
@WithTestResource(value = PartnerHubTestResource.class, scope = TestResourceScope.GLOBAL)
class ExpirySweepConcurrencyTest {

    @Inject
    HoldingService service;

    @Inject
    HoldingRepository holdings;

    @Inject
    EntityManager entityManager;

    @Test
    void twoConcurrentSweepsExpireEachOverdueHoldingExactlyOnce() throws Exception {
        String certification = TestSupport.defineCertification("ASSOCIATE", "[[\"%s\"]]".formatted(TestSupport.examCode()), "[]");
        int overdue = 60;
        Instant earnedAt = Instant.now().minus(Duration.ofDays(400)).truncatedTo(ChronoUnit.MILLIS);
        QuarkusTransaction.requiringNew().run(() -> {
            for (int i = 0; i < overdue; i++) {
                CertificationHolding holding = new CertificationHolding();
                holding.id = UUID.randomUUID();
                holding.candidateId = TestSupport.unique("cand-");
                holding.certificationId = certification;
                holding.level = CertificationLevel.ASSOCIATE;
                holding.examCodes = List.of("X-1");
                holding.status = HoldingStatus.ACTIVE;
                holding.earnedAt = earnedAt;
                holding.expiresAt = earnedAt.plus(Duration.ofDays(365 + i % 5));
                holding.badgeSalt = RecipientIdentity.newSalt();
                holdings.persist(holding);
            }
        });

        Callable<Integer> sweep = () -> {
            int total = 0;
            int expired;
            do {
                expired = service.expireDue(7);
                total += expired;
            } while (expired > 0);
            return total;
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<Integer> first = pool.submit(sweep);
            Future<Integer> second = pool.submit(sweep);
            first.get();
            second.get();
        } finally {
            pool.shutdownNow();
        }

        // the application's own scheduled sweep is a third sweeper: rows it holds were skipped, so wait for its commit
        // (the counts are read in a transaction and asserted outside it: an assertion failing inside would come out
        // wrapped in a QuarkusTransactionException, which Awaitility does not retry)
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            long[] counts = QuarkusTransaction.requiringNew().call(() -> new long[] {
                    holdings.count("certificationId = ?1 and status = ?2", certification, HoldingStatus.EXPIRED),
                    ((Number) entityManager.createNativeQuery("SELECT count(*) FROM outbox_event WHERE event_type = "
                            + "'io.partnerhub.certification.expired.v1' AND payload::text LIKE :certification")
                            .setParameter("certification", "%\"" + certification + "\"%").getSingleResult()).longValue() });
            assertEquals(overdue, counts[0], "expired holdings");
            assertEquals(overdue, counts[1], "expired events");
        });
    }
}
