package io.partnerhub.competency.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import io.partnerhub.competency.domain.OrganizationFacts.Credential;
import io.partnerhub.competency.domain.OrganizationFacts.Member;

/**
 * K7 as a pure function: the first upcoming expiry (up to {@code until}) that would cost the organisation a level it
 * meets now, who must renew to keep it, and how many more people would have to certify instead.
 */
public final class Forecast {

    private Forecast() {
    }

    /**
     * @param on the day the level would stop holding; {@code candidates} the people whose expiries by then cause it;
     *        {@code keepsLevelIf} in words
     */
    public record Entry(Level level, LocalDate on, String cause, List<String> candidates, String keepsLevelIf) {
    }

    public static List<Entry> of(RequirementVersion version, OrganizationFacts facts, Instant now, Instant until) {
        Evaluation today = Evaluation.of(version, facts, now);
        List<Entry> entries = new ArrayList<>();
        for (Level level : List.of(Level.SILVER, Level.GOLD)) {
            if (!today.result(level).met()) {
                continue;
            }
            first(level, version, facts, now, until).ifPresent(entries::add);
        }
        return entries;
    }

    private static Optional<Entry> first(Level level, RequirementVersion version, OrganizationFacts facts, Instant now,
            Instant until) {
        TreeSet<Instant> expiries = new TreeSet<>();
        for (Member member : facts.members()) {
            for (Credential credential : member.credentials()) {
                if (credential.expiresAt() != null && credential.expiresAt().isAfter(now) && !credential.expiresAt().isAfter(until)) {
                    expiries.add(credential.expiresAt());
                }
            }
        }
        for (Instant expiry : expiries) {
            Evaluation then = Evaluation.of(version, facts, now, expiry);
            Evaluation.LevelResult result = then.result(level);
            if (result.met()) {
                continue;
            }
            // who stops counting by then, among the people counted today on the requirements that fail
            Evaluation.PathResult nowPath = Evaluation.of(version, facts, now).result(level).bestPath();
            Evaluation.PathResult thenPath = result.bestPath();
            TreeSet<String> lost = new TreeSet<>();
            int missing = 0;
            for (int i = 0; i < thenPath.requirements().size(); i++) {
                Evaluation.Progress before = nowPath.path() == thenPath.path() ? nowPath.requirements().get(i) : null;
                Evaluation.Progress after = thenPath.requirements().get(i);
                if (after.met()) {
                    continue;
                }
                missing = Math.max(missing, after.need().subtract(after.have()).intValue());
                if (before != null) {
                    before.counted().stream().filter(c -> !after.counted().contains(c)).forEach(lost::add);
                }
            }
            List<String> who = List.copyOf(lost);
            LocalDate on = LocalDate.ofInstant(expiry, ZoneOffset.UTC);
            String keeps = who.isEmpty() ? missing + " more " + (missing == 1 ? "person certifies" : "people certify") + " before " + on
                    : String.join(" or ", who) + " renew" + (who.size() == 1 ? "s" : "") + " before " + on + ", or " + missing
                            + " more " + (missing == 1 ? "person certifies" : "people certify");
            return Optional.of(new Entry(level, on, "holding expiry", who, keeps));
        }
        return Optional.empty();
    }
}
