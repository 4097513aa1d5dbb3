package io.partnerhub.competency.rebuild;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.partnerhub.competency.designation.AreaCatalogue;
import io.partnerhub.competency.designation.DesignationBatch;
import io.partnerhub.competency.designation.DesignationFacts;
import io.partnerhub.competency.designation.DesignationHooks;
import io.partnerhub.competency.domain.Metric;
import io.partnerhub.competency.status.Cause;
import io.partnerhub.competency.status.StatusRecompute;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * The two ends of a rebuild around the batches: {@link #dropProjections} empties the projections the snapshots refill;
 * {@link #finish}, once every snapshot is in, sets each holding's organisation from the associations, recounts the
 * holders of every skill set (under the skill index's exclusive lock, as a new skill set is counted), makes every held
 * credential known, opens the gate, and recomputes each organisation's statuses and designations once through the
 * existing entry points ({@link StatusRecompute}, {@link DesignationHooks}), in batches on two threads.
 */
@ApplicationScoped
public class RebuildFinish {

    static final int ORGANIZATIONS_PER_TRANSACTION = 200;
    static final int THREADS = 2;
    static final String SKILL_INDEX_LOCK = "SELECT pg_advisory_xact_lock(hashtext('competency-skill-index'), 0)";

    private final EntityManager em;
    private final RebuildStore store;
    private final RebuildGate gate;
    private final StatusRecompute status;
    private final DesignationHooks designations;
    private final DesignationFacts designationFacts;
    private final DesignationBatch designationBatch;
    private final AreaCatalogue areas;
    private final Clock clock;

    public RebuildFinish(EntityManager em, RebuildStore store, RebuildGate gate, StatusRecompute status,
            DesignationHooks designations, DesignationFacts designationFacts, DesignationBatch designationBatch, AreaCatalogue areas,
            Clock clock) {
        this.designationBatch = designationBatch;
        this.em = em;
        this.store = store;
        this.gate = gate;
        this.status = status;
        this.designations = designations;
        this.designationFacts = designationFacts;
        this.areas = areas;
        this.clock = clock;
    }

    void dropProjections() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery(SKILL_INDEX_LOCK).getSingleResult();
            em.createNativeQuery("TRUNCATE organization, employee, credential, performance_figure, skill_holders").executeUpdate();
        });
    }

    void finish(UUID id) throws Exception {
        QuarkusTransaction.requiringNew().timeout(600).run(() -> {
            em.createNativeQuery(SKILL_INDEX_LOCK).getSingleResult();
            em.createNativeQuery("UPDATE credential c SET organization_id = e.organization_id FROM employee e"
                    + " WHERE e.candidate_id = c.candidate_id AND c.organization_id IS DISTINCT FROM e.organization_id").executeUpdate();
            em.createNativeQuery("INSERT INTO known_credential (credential, source, known_at) SELECT credential, 'projection rebuild',"
                    + " min(updated_at) FROM credential GROUP BY credential ON CONFLICT (credential) DO NOTHING").executeUpdate();
            em.createNativeQuery("DELETE FROM skill_holders").executeUpdate();
            em.createNativeQuery("INSERT INTO skill_holders (organization_id, skill_set, holders) SELECT c.organization_id, s.key,"
                    + " count(DISTINCT c.candidate_id) FROM skill_set s JOIN credential c ON c.credential = ANY(s.credentials)"
                    + " AND c.active AND c.organization_id IS NOT NULL GROUP BY 1, 2").executeUpdate();
            em.createNativeQuery("ANALYZE credential").executeUpdate();
        });
        QuarkusTransaction.requiringNew().run(() -> designationFacts.register(areas.all(), clock.instant()));
        @SuppressWarnings("unchecked")
        List<String> organizations = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT id FROM organization UNION SELECT organization_id FROM employee WHERE organization_id IS NOT NULL"
                        + " UNION SELECT organization_id FROM competency_status ORDER BY 1").getResultList());
        store.applied(id, clock.instant(), organizations.size());
        gate.set(false); // from here on the live events recompute what they touch; the organisations follow
        Cause cause = new Cause("rebuild:" + id, "io.partnerhub.competency.projection-rebuild", null);
        AtomicInteger done = new AtomicInteger();
        Timing timing = new Timing();
        ExecutorService workers = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int from = 0; from < organizations.size(); from += ORGANIZATIONS_PER_TRANSACTION) {
                List<String> slice = organizations.subList(from, Math.min(organizations.size(), from + ORGANIZATIONS_PER_TRANSACTION));
                running.add(workers.submit(() -> {
                    QuarkusTransaction.requiringNew().timeout(300).run(() -> recompute(slice, cause, timing));
                    int before = done.getAndAdd(slice.size());
                    if ((before + slice.size()) / 1000 > before / 1000) {
                        store.recomputed(id, before + slice.size());
                    }
                }));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            workers.shutdown();
        }
        store.recomputed(id, done.get());
        store.finished(id, clock.instant());
        Log.infof("Projection rebuild %s done: %d organisations recomputed in batches of %d (thread time: locks %.1f s,"
                + " statuses %.1f s, performance facts %.1f s, designations %.1f s)", id, done.get(), ORGANIZATIONS_PER_TRANSACTION,
                timing.locks.get() / 1e9, timing.statuses.get() / 1e9, timing.figures.get() / 1e9, timing.designations.get() / 1e9);
    }

    /** Thread time of the finish's steps, summed over the batches. */
    static final class Timing {
        final AtomicLong locks = new AtomicLong();
        final AtomicLong statuses = new AtomicLong();
        final AtomicLong figures = new AtomicLong();
        final AtomicLong designations = new AtomicLong();
    }

    /**
     * The organisations' statuses and designations, set-based (call in a transaction): their locks in one statement,
     * every competency in effect recomputed from one facts load ({@link StatusRecompute#recomputeAll}), their performance
     * facts and designations as one organisation at a time would ({@link DesignationBatch}), a few statements in all.
     */
    void recompute(List<String> organizations, Cause cause, Timing timing) {
        long start = System.nanoTime();
        status.lockAll(organizations);
        long locked = System.nanoTime();
        status.recomputeAll(organizations, cause);
        long statuses = System.nanoTime();
        designationBatch.recordPerformance(organizations, clock.instant());
        long figures = System.nanoTime();
        designationBatch.refresh(organizations);
        long designations = System.nanoTime();
        timing.locks.addAndGet(locked - start);
        timing.statuses.addAndGet(statuses - locked);
        timing.figures.addAndGet(figures - statuses);
        timing.designations.addAndGet(designations - figures);
    }

    /**
     * The same one organisation at a time through the per-event entry points ({@link StatusRecompute#recompute} of every
     * competency, {@link DesignationFacts#recordPerformance} of each metric, {@link DesignationHooks#evaluateNow}): what
     * {@link #recompute} must match, row by row and event by event (ProjectionRebuildFinishTest).
     */
    void recomputeOneByOne(List<String> organizations, Cause cause) {
        @SuppressWarnings("unchecked")
        List<Object[]> figures = em.createNativeQuery("SELECT DISTINCT organization_id, metric FROM performance_figure"
                + " WHERE organization_id IN (:organizations) ORDER BY 1, 2").setParameter("organizations", organizations).getResultList();
        for (String organization : new java.util.TreeSet<>(organizations)) {
            status.lock(List.of(organization));
            status.recompute(organization, version -> true, cause);
        }
        for (Object[] figure : figures) {
            Metric.parse((String) figure[1]).ifPresent(m -> designationFacts.recordPerformance((String) figure[0], m, clock.instant()));
        }
        designations.evaluateNow(organizations);
    }
}
