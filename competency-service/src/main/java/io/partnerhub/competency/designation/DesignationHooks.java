package io.partnerhub.competency.designation;

import java.util.Collection;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.partnerhub.competency.domain.Metric;
import io.partnerhub.competency.events.InboundEvents.CertificationDefined;
import io.partnerhub.competency.events.InboundEvents.PerformanceReported;
import io.partnerhub.competency.status.StatusRecompute;

/**
 * The event consumers' hooks into designations: called by the handlers right after the competency facts and status are
 * applied, in the same transaction. Issue 25 stage 8: they only mark the organisations touched
 * ({@link DesignationPending}, one statement, durable with the status); {@link DesignationWorker} evaluates them after the
 * commit, each in its own transaction under the organisation's lock, so a designation sees the facts as of its own
 * transaction, a few milliseconds after the status. A performance report's figures become dated facts here, under the
 * organisation's lock, with the marker.
 */
@ApplicationScoped
public class DesignationHooks {

    private final DesignationEvaluation evaluation;
    private final DesignationFacts facts;
    private final AreaCatalogue catalogue;
    private final StatusRecompute locks;
    private final DesignationPending pending;
    /** #26: while the projections are rebuilt, no designation is evaluated from them (the rebuild does it at its end). */
    @jakarta.inject.Inject
    io.partnerhub.competency.rebuild.RebuildGate rebuild;

    public DesignationHooks(DesignationEvaluation evaluation, DesignationFacts facts, AreaCatalogue catalogue,
            StatusRecompute locks, DesignationPending pending) {
        this.pending = pending;
        this.evaluation = evaluation;
        this.facts = facts;
        this.catalogue = catalogue;
        this.locks = locks;
    }

    /**
     * After a credential change of a candidate: its organisation as the facts read it under the candidate lock (held
     * since, it keeps the association still; no second read).
     */
    @Transactional(TxType.MANDATORY)
    public void credentialChanged(Optional<String> organization) {
        organization.ifPresent(o -> organizationsChanged(java.util.List.of(o)));
    }

    /** The organisations are marked for the worker (while the projections are rebuilt: not, the rebuild's end evaluates them). */
    @Transactional(TxType.MANDATORY)
    public void organizationsChanged(Collection<String> organizationIds) {
        if (rebuild.deferring()) {
            return;
        }
        pending.mark(organizationIds, false);
    }

    /**
     * The organisations evaluated now, in the caller's transaction, under their locks (sorted): the per-event path as it
     * was before the worker, kept for the rebuild's one-by-one comparison (RebuildFinish.recomputeOneByOne).
     */
    @Transactional(TxType.MANDATORY)
    public void evaluateNow(Collection<String> organizationIds) {
        if (rebuild.deferring()) {
            return;
        }
        locks.lock(organizationIds);
        new TreeSet<>(organizationIds).forEach(evaluation::refresh);
    }

    @Transactional(TxType.MANDATORY)
    public void performanceReported(PerformanceReported data) {
        Optional<Metric> metric = Metric.parse(data.metric());
        if (metric.isEmpty() || !data.complete() || rebuild.deferring()) {
            return;
        }
        locks.lock(java.util.List.of(data.organizationId()));
        facts.recordPerformance(data.organizationId(), metric.get(), evaluation.now());
        pending.mark(java.util.List.of(data.organizationId()), true); // every area evaluated by the worker
    }

    /** certification.defined.v1: its level is remembered, and the skill sets of the areas that list it counted. */
    @Transactional(TxType.MANDATORY)
    public void certificationDefined(CertificationDefined data) {
        if (data.level() == null || data.level().length() > 40) {
            return;
        }
        facts.level(data.certificationId(), data.level(), catalogue);
        var areas = catalogue.stored().stream().filter(a -> a.versions().stream()
                .anyMatch(v -> v.body().certifications().contains(data.certificationId()))).toList();
        if (!areas.isEmpty()) {
            facts.register(areas, evaluation.now());
        }
    }
}
