package io.partnerhub.competency.status;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import io.partnerhub.competency.competency.RequirementCatalogue;
import io.partnerhub.competency.domain.Facts;
import io.partnerhub.competency.domain.RequirementVersion;
import io.partnerhub.competency.projection.FactsLoader;

/**
 * Event-driven recomputation (K3): under the candidate and organisation locks it takes, an organisation's statuses of
 * the competencies a change concerns are recomputed from the bounded facts, in the consumer's transaction.
 */
@ApplicationScoped
public class StatusRecompute {

    private final StatusRepository statuses;
    private final RequirementCatalogue catalogue;
    private final StatusUpdate update;
    private final Clock clock;
    private final TransactionSynchronizationRegistry transactions;
    private final FactsLoader loader;
    /** #26: while the projections are rebuilt, nothing is recomputed from them (the rebuild recomputes at its end). */
    @jakarta.inject.Inject
    io.partnerhub.competency.rebuild.RebuildGate rebuild;

    public StatusRecompute(StatusRepository statuses, RequirementCatalogue catalogue, StatusUpdate update, Clock clock,
            TransactionSynchronizationRegistry transactions, FactsLoader loader) {
        this.loader = loader;
        this.statuses = statuses;
        this.catalogue = catalogue;
        this.update = update;
        this.clock = clock;
        this.transactions = transactions;
    }

    /**
     * Issue 25: locks the candidate, then {@code organizationId} (if not null) and, if {@code itsOrganization}, the
     * organisation the candidate belongs to (sorted, as {@link #lock}), and reads the candidate's organisation and active
     * credentials, in one round trip; the candidate lock keeps both still until the transaction ends.
     */
    public StatusRepository.Candidate lockCandidate(String candidateId, String organizationId, boolean itsOrganization) {
        StatusRepository.Candidate candidate = statuses.lockCandidate(candidateId, organizationId, itsOrganization);
        firstTime("candidate", candidateId);
        if (organizationId != null) {
            firstTime("organization", organizationId);
        }
        if (itsOrganization) {
            candidate.organization().ifPresent(o -> firstTime("organization", o));
        }
        return candidate;
    }

    /** Locks the organisations (sorted, so two recomputations never deadlock) until the transaction ends. */
    public void lock(Collection<String> organizationIds) {
        new TreeSet<>(organizationIds).stream().filter(o -> firstTime("organization", o)).forEach(statuses::lockOrganization);
    }

    /**
     * #26 As {@link #lock}, the organisations this transaction does not hold yet locked in one statement (in the same
     * sorted order): the rebuild's batches of hundreds of organisations.
     */
    public void lockAll(Collection<String> organizationIds) {
        List<String> first = new TreeSet<>(organizationIds).stream().filter(o -> firstTime("organization", o)).toList();
        if (!first.isEmpty()) {
            statuses.lockOrganizations(first);
        }
    }

    /**
     * Whether this transaction has not taken the lock yet (advisory transaction locks are re-entrant and held until the
     * transaction ends: taking one again is a round trip for nothing; the consumers and the designation hooks each lock).
     */
    private boolean firstTime(String kind, String id) {
        String key = "competency-lock:" + kind + ":" + id;
        if (transactions.getTransactionKey() == null) {
            return true;
        }
        if (transactions.getResource(key) != null) {
            return false;
        }
        transactions.putResource(key, Boolean.TRUE);
        return true;
    }

    /**
     * Recomputes the organisation's statuses of the competencies whose version in effect {@code relevant} accepts, from
     * the bounded facts those versions need; an organisation's status rows of other competencies are left alone. Call
     * under {@link #lock}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recompute(String organizationId, Predicate<RequirementVersion> relevant, Cause cause) {
        recompute(organizationId, relevant, cause, Optional.empty());
    }

    /**
     * As {@link #recompute(String, Predicate, Cause)}, after {@code first} (the holder count changes of the event, issue
     * 25): sent in the same round trip as the reads, or alone when nothing is recomputed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recompute(String organizationId, Predicate<RequirementVersion> relevant, Cause cause,
            Optional<FactsLoader.Ahead> first) {
        if (rebuild.deferring()) {
            first.ifPresent(loader::run);
            return;
        }
        Instant now = StatusTime.now(clock);
        Map<String, RequirementVersion> versions = new LinkedHashMap<>();
        catalogue.inEffect(StatusTime.today(now)).forEach((competencyId, version) -> {
            if (relevant.test(version)) {
                versions.put(competencyId, version);
            }
        });
        if (versions.isEmpty()) {
            first.ifPresent(loader::run);
            return;
        }
        // issue 25: the holder count changes, the status rows and the facts in one round trip
        Map<String, CompetencyStatus> stored = new java.util.HashMap<>();
        List<FactsLoader.Ahead> ahead = new java.util.ArrayList<>();
        first.ifPresent(ahead::add);
        ahead.add(StatusRows.statuses(organizationId, versions.keySet(), stored));
        Facts facts = loader.loadOne(organizationId, versions.values(), now, ahead);
        update.applyAll(List.of(organizationId), versions, (organization, competencyId) -> stored.get(competencyId),
                Map.of(organizationId, facts), cause, now);
    }

    /**
     * #26 Recomputes every competency in effect for these organisations set-based (one load of their statuses per
     * competency, one load of their facts for all), under their locks: the end of a projection rebuild. A status the
     * recomputation confirms is not written ({@link StatusUpdate#applyAllChanged}).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recomputeAll(List<String> organizationIds, Cause cause) {
        if (rebuild.deferring() || organizationIds.isEmpty()) {
            return;
        }
        lock(organizationIds);
        Instant now = StatusTime.now(clock);
        Map<String, RequirementVersion> versions = catalogue.inEffect(StatusTime.today(now));
        Map<String, Map<String, CompetencyStatus>> stored = new LinkedHashMap<>();
        versions.keySet().forEach(competencyId -> stored.put(competencyId, statuses.of(competencyId, organizationIds)));
        update.applyAllChanged(organizationIds, versions, (organization, competencyId) -> stored.get(competencyId).get(organization),
                cause, now);
    }
}
