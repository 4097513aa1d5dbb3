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
 * applied, in the same transaction, under the same candidate and organisation locks (advisory transaction locks, taken
 * again here: re-entrant), so a designation sees exactly the facts the competency status saw.
 */
@ApplicationScoped
public class DesignationHooks {

    private final DesignationEvaluation evaluation;
    private final DesignationFacts facts;
    private final AreaCatalogue catalogue;
    private final StatusRecompute locks;
    /** #26: while the projections are rebuilt, no designation is evaluated from them (the rebuild does it at its end). */
    @jakarta.inject.Inject
    io.partnerhub.competency.rebuild.RebuildGate rebuild;

    public DesignationHooks(DesignationEvaluation evaluation, DesignationFacts facts, AreaCatalogue catalogue,
            StatusRecompute locks) {
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

    @Transactional(TxType.MANDATORY)
    public void organizationsChanged(Collection<String> organizationIds) {
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
        evaluation.refresh(data.organizationId(), true);
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
