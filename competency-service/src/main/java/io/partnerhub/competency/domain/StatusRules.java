package io.partnerhub.competency.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import io.partnerhub.competency.domain.Evaluation.Progress;

/**
 * K4 as a pure function: from the displayed state, the facts and the version in effect, the next state and the
 * changes to publish (none when nothing changed).
 * <ul>
 * <li>NONE → a level met: ATTAINED, valid for 12 months (anniversary).</li>
 * <li>Before valid-until: a higher level met → ATTAINED at it (a new year starts); the level no longer met → AT_RISK
 * with reasons (the level stays displayed); also at risk when a counted credential expires before valid-until and
 * within the at-risk horizon, and no one else can replace it; met again → RISK_CLEARED.</li>
 * <li>At or after valid-until: met → RENEWED (valid-until moves on by whole years past now); otherwise LAPSED, and
 * ATTAINED at a lower level that still holds.</li>
 * </ul>
 */
public final class StatusRules {

    public static final int VALIDITY_MONTHS = 12;

    /** At most this many people are named per requirement in the at-risk reasons; the rest are counted. */
    public static final int MAX_NAMED = 10;

    private StatusRules() {
    }

    /** One change to publish: the level concerned, valid-until after the change, reasons (at risk, lapsed). */
    public record Transition(Change change, Level level, Instant validUntil, List<Reason> reasons) {
    }

    public record Outcome(CompetencyState state, List<Transition> transitions, Evaluation evaluation) {
    }

    public static Outcome next(CompetencyState previous, RequirementVersion version, Facts facts, Instant now,
            Duration riskHorizon) {
        Objects.requireNonNull(previous, "previous");
        Evaluation evaluation = Evaluation.of(version, facts, now);
        Level achieved = evaluation.level();
        Level held = previous.level();
        List<Transition> transitions = new ArrayList<>();
        CompetencyState state;
        if (held == Level.NONE) {
            if (achieved == Level.NONE) {
                return new Outcome(previous, List.of(), evaluation);
            }
            state = attain(achieved, now, transitions);
        } else if (!now.isBefore(previous.validUntil())) {
            if (achieved.atLeast(held)) {
                Instant validUntil = previous.validUntil();
                while (!validUntil.isAfter(now)) {
                    validUntil = plusYear(validUntil);
                }
                state = new CompetencyState(achieved, false, List.of(), previous.attainedAt(), validUntil);
                transitions.add(new Transition(Change.RENEWED, achieved, validUntil, List.of()));
            } else {
                List<Reason> reasons = unmetReasons(evaluation.result(held));
                transitions.add(new Transition(Change.LAPSED, held, previous.validUntil(), reasons));
                state = achieved == Level.NONE ? CompetencyState.NONE : attain(achieved, now, transitions);
            }
        } else if (achieved.compareTo(held) > 0) {
            state = attain(achieved, now, transitions);
        } else {
            state = previous;
        }
        if (state.level() == Level.NONE) {
            return new Outcome(state, transitions, evaluation);
        }
        // risk: does the displayed level still hold now, and will it at valid-until (expiries within the horizon)?
        List<Reason> reasons = riskReasons(state, version, facts, evaluation, now, riskHorizon);
        boolean justStarted = !transitions.isEmpty() && transitions.get(transitions.size() - 1).change() != Change.LAPSED;
        if (!reasons.isEmpty() && !previous.atRisk() || !reasons.isEmpty() && justStarted) {
            transitions.add(new Transition(Change.AT_RISK, state.level(), state.validUntil(), reasons));
        } else if (reasons.isEmpty() && previous.atRisk() && transitions.isEmpty()) {
            transitions.add(new Transition(Change.RISK_CLEARED, state.level(), state.validUntil(), List.of()));
        }
        state = new CompetencyState(state.level(), !reasons.isEmpty(), reasons, state.attainedAt(), state.validUntil());
        return new Outcome(state, transitions, evaluation);
    }

    /**
     * When the state must be looked at again without any event: valid-until, or the moment a counted credential's
     * expiry enters the at-risk horizon (whichever comes first); null for NONE.
     */
    public static Instant nextCheck(CompetencyState state, Evaluation evaluation, Facts facts, Duration riskHorizon,
            Instant now) {
        if (state.level() == Level.NONE) {
            return null;
        }
        Instant next = state.validUntil();
        for (Progress progress : evaluation.progress()) {
            if (progress.level() != state.level() || !(progress.requirement() instanceof Requirement.Skill skill)) {
                continue;
            }
            for (Holders.Holder holder : facts.holders(skill.credentials()).longestLasting()) {
                if (holder.until() != null && holder.until().isBefore(state.validUntil())
                        && progress.counted().contains(holder.candidateId())) {
                    Instant entersHorizon = holder.until().minus(riskHorizon);
                    if (entersHorizon.isAfter(now) && entersHorizon.isBefore(next)) {
                        next = entersHorizon;
                    }
                }
            }
        }
        return next;
    }

    public static Instant plusYear(Instant instant) {
        return instant.atZone(ZoneOffset.UTC).plusMonths(VALIDITY_MONTHS).toInstant();
    }

    private static CompetencyState attain(Level level, Instant now, List<Transition> transitions) {
        Instant validUntil = plusYear(now);
        transitions.add(new Transition(Change.ATTAINED, level, validUntil, List.of()));
        return new CompetencyState(level, false, List.of(), now, validUntil);
    }

    private static List<Reason> riskReasons(CompetencyState state, RequirementVersion version, Facts facts,
            Evaluation now, Instant at, Duration riskHorizon) {
        Level level = state.level();
        if (!now.result(level).met()) {
            return unmetReasons(now.result(level));
        }
        Instant horizon = at.plus(riskHorizon);
        Instant lookAt = horizon.isBefore(state.validUntil()) ? horizon : state.validUntil();
        Evaluation later = Evaluation.of(version, facts, at, lookAt);
        if (later.result(level).met()) {
            return List.of();
        }
        // which counted people stop holding a listed credential before valid-until (within the horizon)?
        List<Reason> reasons = new ArrayList<>();
        LocalDate validUntil = LocalDate.ofInstant(state.validUntil(), ZoneOffset.UTC);
        Evaluation.PathResult path = now.result(level).bestPath();
        for (Progress progress : path.requirements()) {
            if (!(progress.requirement() instanceof Requirement.Skill skill)) {
                continue;
            }
            List<Holders.Holder> leaving = facts.holders(skill.credentials()).longestLasting().stream()
                    .filter(h -> h.activeAt(at) && !h.activeAt(lookAt) && progress.counted().contains(h.candidateId()))
                    .sorted(Comparator.comparing(Holders.Holder::until).thenComparing(Holders.Holder::candidateId)).toList();
            leaving.stream().limit(MAX_NAMED).forEach(h -> {
                LocalDate expires = LocalDate.ofInstant(h.until(), ZoneOffset.UTC);
                reasons.add(new Reason(Reason.Kind.CREDENTIAL_EXPIRES, level, path.path(), progress.description(),
                        List.of(h.credential()), List.of(h.candidateId()), expires, h.candidateId() + "'s " + h.credential()
                        + " expires on " + expires + ", before valid-until " + validUntil
                        + ", and no one else can replace it (" + progress.description() + ")"));
            });
            if (leaving.size() > MAX_NAMED) {
                reasons.add(new Reason(Reason.Kind.MORE_EXPIRE, level, path.path(), progress.description(),
                        skill.anyOf(), List.of(), null, (leaving.size() - MAX_NAMED)
                        + " more counted people's credentials expire before valid-until " + validUntil
                        + " (" + progress.description() + ")"));
            }
        }
        if (reasons.isEmpty()) {
            reasons.addAll(unmetReasons(later.result(level)));
        }
        return List.copyOf(reasons);
    }

    /** "SILVER no longer met: 1 of 2 individuals holding one of az-104 (path 1)". */
    static List<Reason> unmetReasons(Evaluation.LevelResult result) {
        Evaluation.PathResult path = result.bestPath();
        return path.requirements().stream().filter(p -> !p.met())
                .map(p -> new Reason(Reason.Kind.REQUIREMENT_NOT_MET, result.level(), path.path(), p.description(),
                        p.requirement() instanceof Requirement.Skill skill ? skill.anyOf() : List.of(), p.counted(), null,
                        result.level() + " requirement not met (path " + path.path() + "): " + plain(p.have()) + " of "
                                + p.description() + (p.counted().isEmpty() ? "" : "; counted: " + String.join(", ", p.counted()))))
                .toList();
    }

    private static String plain(java.math.BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
