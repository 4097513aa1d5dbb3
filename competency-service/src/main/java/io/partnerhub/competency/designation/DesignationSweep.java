package io.partnerhub.competency.designation;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.partnerhub.competency.status.StatusRecompute;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * P5/P6 time-driven: every partnerhub.competency.sweep-interval (as the competency sweep) the days the events did not
 * evaluate are replayed: every organisation whose designations were last evaluated on another day than today (the
 * application clock, so moving it across a window boundary yields attained, at risk and lost on their days), and every
 * organisation with facts but no designation status yet. One transaction per organisation, under its lock; after
 * downtime it replays every missed day ({@link DesignationEvaluation}).
 */
@ApplicationScoped
public class DesignationSweep {

    static final int BATCH = 500;

    private final DesignationEvaluation evaluation;
    private final DesignationFacts facts;
    private final AreaCatalogue catalogue;
    private final StatusRecompute locks;
    private final EntityManager em;

    public DesignationSweep(DesignationEvaluation evaluation, DesignationFacts facts, AreaCatalogue catalogue,
            StatusRecompute locks, EntityManager em) {
        this.evaluation = evaluation;
        this.facts = facts;
        this.catalogue = catalogue;
        this.locks = locks;
        this.em = em;
    }

    @Scheduled(identity = "designation-sweep", every = "${partnerhub.competency.sweep-interval:60s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = io.partnerhub.competency.rebuild.RebuildGate.SweepsWait.class) // #26
    void sweep() {
        try {
            int total = sweepNow();
            if (total > 0) {
                Log.infof("Designation sweep: %d organisations re-evaluated", total);
            }
        } catch (RuntimeException e) {
            Log.warnf("Designation sweep failed, will retry: %s", e.toString());
        }
    }

    /** Replays every organisation due; returns how many were evaluated. */
    public int sweepNow() {
        QuarkusTransaction.requiringNew().run(() -> facts.register(catalogue.all(), evaluation.now()));
        int total = 0;
        java.util.Set<String> seen = new java.util.HashSet<>(); // an organisation that stays due (no area in effect) once per pass
        List<String> due;
        do {
            LocalDate today = DesignationEvaluation.today(evaluation.now());
            due = QuarkusTransaction.requiringNew().call(() -> due(today));
            boolean progress = false;
            for (String organizationId : due) {
                if (!seen.add(organizationId)) {
                    continue;
                }
                progress = true;
                try {
                    QuarkusTransaction.requiringNew().run(() -> {
                        locks.lock(List.of(organizationId));
                        evaluation.refresh(organizationId);
                    });
                    total++;
                } catch (RuntimeException e) {
                    Log.warnf("Designations of organisation %s not evaluated, next sweep retries: %s", organizationId, e.toString());
                }
            }
            if (!progress) {
                break;
            }
        } while (due.size() == BATCH);
        return total;
    }

    @SuppressWarnings("unchecked")
    private List<String> due(LocalDate today) {
        return em.createNativeQuery("SELECT organization_id FROM (SELECT DISTINCT organization_id FROM designation_status"
                + " WHERE last_evaluated <> ?1 UNION SELECT DISTINCT f.organization_id FROM designation_fact f WHERE NOT EXISTS"
                + " (SELECT 1 FROM designation_status s WHERE s.organization_id = f.organization_id)) due ORDER BY 1 LIMIT " + BATCH)
                .setParameter(1, today).getResultList();
    }
}
