package io.partnerhub.competency.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.partnerhub.competency.domain.OrganizationFacts.Credential;
import io.partnerhub.competency.domain.OrganizationFacts.Member;

/**
 * K7 as a pure function: every dated loss, up to {@code until}, of a level the organisation meets now, and who must
 * renew to keep it through the whole horizon. The days looked at are the credentials' expiries and the days a roadmap
 * version takes effect. At an expiry that costs the level, the people who stopped counting are named and the fewest of
 * them that restore it (the latest to lapse first) are assumed to renew, so the next loss listed is the one that
 * remains after that; {@code mustRenew} gathers them all. A version whose requirements the organisation does not meet
 * is a loss that renewals cannot avert, and nothing after it is listed until a later version is met again.
 * Performance figures are taken as they are now.
 */
public final class Forecast {

    public static final String HOLDING_EXPIRY = "holding expiry";

    private Forecast() {
    }

    /**
     * @param on the day the level would stop holding; {@code cause} "holding expiry" or "requirement version V takes
     *        effect"; {@code candidates} the people whose expiries by then cause it; {@code keepsLevelIf} in words;
     *        {@code mustRenew} everyone who must renew to keep the level through the horizon (the same for every loss
     *        of one level); {@code requirementVersion} the version in effect on that day
     */
    public record Entry(Level level, LocalDate on, String cause, List<String> candidates, String keepsLevelIf,
            List<String> mustRenew, String requirementVersion, List<Reason> reasons, int morePeople) {
    }

    /** With one version (no roadmap). */
    public static List<Entry> of(RequirementVersion version, OrganizationFacts facts, Instant now, Instant until) {
        return of(List.of(version), facts, now, until);
    }

    /** {@code versions}: the competency's versions, the one in effect now and the roadmap. */
    public static List<Entry> of(Collection<RequirementVersion> versions, OrganizationFacts facts, Instant now, Instant until) {
        RequirementVersion current = RequirementVersion.inEffect(versions, day(now)).orElse(null);
        if (current == null) {
            return List.of();
        }
        Evaluation today = Evaluation.of(current, facts, now);
        List<Entry> entries = new ArrayList<>();
        for (Level level : List.of(Level.SILVER, Level.GOLD)) {
            if (today.result(level).met()) {
                entries.addAll(losses(level, current, versions, facts, now, until));
            }
        }
        return entries;
    }

    private static List<Entry> losses(Level level, RequirementVersion current, Collection<RequirementVersion> versions,
            OrganizationFacts facts, Instant now, Instant until) {
        TreeSet<Instant> days = new TreeSet<>();
        for (Member member : facts.members()) {
            for (Credential credential : member.credentials()) {
                if (credential.expiresAt() != null && credential.expiresAt().isAfter(now) && !credential.expiresAt().isAfter(until)) {
                    days.add(credential.expiresAt());
                }
            }
        }
        for (RequirementVersion version : RequirementVersion.upcoming(versions, day(now))) {
            Instant from = version.effectiveFrom().atStartOfDay(ZoneOffset.UTC).toInstant();
            if (!from.isAfter(until)) {
                days.add(from);
            }
        }
        Set<String> renewed = new LinkedHashSet<>();
        List<Entry> losses = new ArrayList<>();
        RequirementVersion previous = current;
        boolean held = true;
        for (Instant at : days) {
            RequirementVersion version = RequirementVersion.inEffect(versions, day(at)).orElse(previous);
            OrganizationFacts assumed = renewing(facts, renewed);
            boolean met = Evaluation.of(version, assumed, now, at).result(level).met();
            if (held && !met) {
                if (version != previous && Evaluation.of(previous, assumed, now, at).result(level).met()) {
                    losses.add(versionLoss(level, version, assumed, now, at));
                    held = false;
                } else {
                    losses.add(expiryLoss(level, version, assumed, now, at, renewed));
                    held = Evaluation.of(version, renewing(facts, renewed), now, at).result(level).met();
                }
            } else if (!held && met) {
                held = true;
            }
            previous = version;
        }
        List<String> mustRenew = renewed.stream().sorted().toList();
        return losses.stream().map(e -> new Entry(e.level(), e.on(), e.cause(), e.candidates(), e.keepsLevelIf(), mustRenew,
                e.requirementVersion(), e.reasons(), e.morePeople())).toList();
    }

    private static Entry versionLoss(Level level, RequirementVersion version, OrganizationFacts facts, Instant now, Instant at) {
        LocalDate on = day(at);
        List<Reason> unmet = StatusRules.unmetReasons(Evaluation.of(version, facts, now, at).result(level));
        return new Entry(level, on, "requirement version " + version.version() + " takes effect", List.of(),
                "the requirements of version " + version.version() + " are met by " + on + ": "
                        + String.join("; ", Reason.texts(unmet)),
                List.of(), version.version(), unmet, 0);
    }

    /** Names who stopped counting by {@code at}, and adds to {@code renewed} the fewest of them that restore the level. */
    private static Entry expiryLoss(Level level, RequirementVersion version, OrganizationFacts facts, Instant now, Instant at,
            Set<String> renewed) {
        Evaluation.PathResult thenPath = Evaluation.of(version, facts, now, at).result(level).bestPath();
        Evaluation.PathResult nowPath = Evaluation.of(version, facts, now).result(level).paths().get(thenPath.path() - 1);
        TreeSet<String> lost = new TreeSet<>();
        List<Reason> reasons = new ArrayList<>();
        int missing = 0;
        for (int i = 0; i < thenPath.requirements().size(); i++) {
            Evaluation.Progress before = nowPath.requirements().get(i);
            Evaluation.Progress after = thenPath.requirements().get(i);
            if (after.met()) {
                continue;
            }
            int shortBy = after.need().subtract(after.have()).intValue();
            missing = Math.max(missing, shortBy);
            List<String> lapsed = before.counted().stream().filter(c -> !after.counted().contains(c)).toList();
            lost.addAll(lapsed);
            List<String> credentials = after.requirement() instanceof Requirement.Skill s ? s.anyOf() : List.of();
            reasons.add(new Reason(Reason.Kind.REQUIREMENT_NOT_MET, level, thenPath.path(), after.description(), credentials,
                    lapsed.stream().sorted().toList(), day(at), level + " requirement not met on " + day(at) + " (path "
                            + thenPath.path() + "): " + after.have().stripTrailingZeros().toPlainString() + " of "
                            + after.description() + (lapsed.isEmpty() ? "" : "; stop counting: " + String.join(", ", lapsed))));
            if (after.requirement() instanceof Requirement.Skill skill) {
                lapsed.stream().sorted(Comparator.comparing((String c) -> lastExpiry(facts, c, skill)).reversed()
                        .thenComparing(Comparator.naturalOrder())).limit(shortBy).forEach(renewed::add);
            }
        }
        List<String> who = List.copyOf(lost);
        LocalDate on = day(at);
        String keeps = who.isEmpty() ? missing + " more " + (missing == 1 ? "person certifies" : "people certify") + " before " + on
                : String.join(" or ", who) + " renew" + (who.size() == 1 ? "s" : "") + " before " + on + ", or " + missing
                        + " more " + (missing == 1 ? "person certifies" : "people certify");
        return new Entry(level, on, HOLDING_EXPIRY, who, keeps, List.of(), version.version(), List.copyOf(reasons), missing);
    }

    /** When the person's last listed credential expires (never: {@link Instant#MAX}). */
    private static Instant lastExpiry(OrganizationFacts facts, String candidateId, Requirement.Skill skill) {
        return facts.members().stream().filter(m -> m.candidateId().equals(candidateId))
                .flatMap(m -> m.credentials().stream()).filter(c -> skill.mentions(c.credential()))
                .map(c -> c.expiresAt() == null ? Instant.MAX : c.expiresAt()).max(Comparator.naturalOrder()).orElse(Instant.MIN);
    }

    /** The facts with the credentials of the people assumed to renew lasting beyond any horizon. */
    private static OrganizationFacts renewing(OrganizationFacts facts, Set<String> renewed) {
        if (renewed.isEmpty()) {
            return facts;
        }
        return new OrganizationFacts(facts.members().stream().map(m -> !renewed.contains(m.candidateId()) ? m
                : new Member(m.candidateId(), m.credentials().stream().map(c -> new Credential(c.credential(), null)).toList()))
                .toList(), facts.figures());
    }

    private static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }
}
