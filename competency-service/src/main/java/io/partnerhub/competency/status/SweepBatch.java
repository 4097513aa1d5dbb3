package io.partnerhub.competency.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.partnerhub.competency.competency.RequirementCatalogue;
import io.partnerhub.competency.domain.RequirementVersion;
import io.partnerhub.competency.projection.SkillIndex;

/**
 * One batch of the time-driven sweep (K4, run by {@link StatusSweep}), with the state the sweep keeps between batches in
 * this process: which roll-outs of a version are finished, and how far the current pass over each one's outdated
 * statuses got.
 */
@ApplicationScoped
public class SweepBatch {

    private final StatusRepository statuses;
    private final RequirementCatalogue catalogue;
    private final StatusUpdate update;
    private final Clock clock;
    private final StatusWrites writes;
    /** competency \n version whose organisations with facts all have a status (checked once per process). */
    private final Set<String> rolledOut = ConcurrentHashMap.newKeySet();
    private volatile Map<String, String> versionsSwept = Map.of();
    /** competency \n version → how far the current pass over its outdated statuses got. */
    private final Map<String, StatusRepository.Position> positions = new ConcurrentHashMap<>();

    public SweepBatch(StatusRepository statuses, RequirementCatalogue catalogue, StatusUpdate update, Clock clock,
            StatusWrites writes) {
        this.writes = writes;
        this.statuses = statuses;
        this.catalogue = catalogue;
        this.update = update;
        this.clock = clock;
    }

    /**
     * One batch (one transaction): statuses whose next check is due (valid-until, an expiry entering the at-risk
     * horizon); then, per competency, statuses evaluated under another version than the one in effect (a new version
     * took effect, or the clock moved back) and organisations with facts for it but no status yet. Organisations busy
     * with an event are left for the next pass. Returns how many statuses were looked at.
     */
    @Transactional
    public int run(int batchSize) {
        Instant now = StatusTime.now(clock);
        LocalDate today = StatusTime.today(now);
        Map<String, RequirementVersion> inEffect = catalogue.inEffect(today);
        Map<String, String> versionsNow = new TreeMap<>();
        inEffect.forEach((competencyId, version) -> versionsNow.put(competencyId, version.version()));
        if (!versionsNow.equals(versionsSwept)) { // a version took effect (or the clock moved back): look at all again
            rolledOut.clear();
            positions.clear();
            versionsSwept = versionsNow;
        }
        int done = 0;
        Map<String, List<String>> due = new TreeMap<>();
        for (StatusRepository.Due row : statuses.lockDue(now, batchSize)) {
            due.computeIfAbsent(row.competencyId(), c -> new ArrayList<>()).add(row.organizationId());
        }
        for (Map.Entry<String, List<String>> entry : due.entrySet()) {
            done += reevaluate(entry.getKey(), inEffect.get(entry.getKey()), entry.getValue(), now);
        }
        for (Map.Entry<String, RequirementVersion> entry : inEffect.entrySet()) {
            if (done >= batchSize) {
                break;
            }
            String competencyId = entry.getKey();
            RequirementVersion version = entry.getValue();
            String rollout = competencyId + "\n" + version.version();
            if (rolledOut.contains(rollout)) {
                continue;
            }
            // a pass walks the outdated rows in index order from a remembered position; when it reaches the end it
            // starts over once (rows skipped meanwhile: busy organisations), and a pass from the start that finds
            // nothing, with no organisation lacking a status, finishes the roll-out of this version in this process
            StatusRepository.Position from = positions.getOrDefault(rollout, StatusRepository.Position.START);
            List<StatusRepository.Position> rows = statuses.lockOutdated(competencyId, version.effectiveFrom(), from,
                    batchSize - done);
            List<String> organizations = new ArrayList<>(rows.stream().map(StatusRepository.Position::organizationId).toList());
            if (!rows.isEmpty()) {
                positions.put(rollout, rows.get(rows.size() - 1)); // another sweeper may be ahead: it skips what is locked
            }
            if (rows.size() < batchSize - done) {
                List<String> missing = statuses.withFactsButNoStatus(competencyId, SkillIndex.keys(version), version.metrics(),
                        today.minusMonths(12), batchSize - done - organizations.size());
                if (rows.isEmpty() && missing.isEmpty() && from == StatusRepository.Position.START
                        && !statuses.anyOutdated(competencyId, version.effectiveFrom())) { // not just skipped: locked by another sweeper
                    rolledOut.add(rollout);
                }
                positions.remove(rollout); // the next pass starts over
                organizations.addAll(missing);
            }
            done += reevaluate(competencyId, version, organizations, now);
        }
        return done;
    }

    /**
     * Re-evaluates one competency for these organisations set-based: one try-lock statement, one load of their statuses,
     * one load of their facts; the changed rows are flushed in JDBC batches. Returns how many were re-evaluated.
     */
    private int reevaluate(String competencyId, RequirementVersion version, List<String> organizationIds, Instant now) {
        if (organizationIds.isEmpty()) {
            return 0;
        }
        List<String> locked = statuses.tryLockOrganizations(organizationIds);
        if (locked.isEmpty()) {
            return 0;
        }
        Map<String, CompetencyStatus> rows = statuses.of(competencyId, locked);
        if (version == null) { // the competency has no version in effect (any more): nothing to evaluate
            rows.values().forEach(s -> s.nextCheckAt = null);
            writes.write(List.of(), rows.values());
            return rows.size();
        }
        update.applyAll(locked, Map.of(competencyId, version), (organizationId, competency) -> rows.get(organizationId), null, now);
        return locked.size();
    }
}
