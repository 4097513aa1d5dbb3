package io.partnerhub.certification.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * C2 earning: which certifications a candidate earns now, given the catalogue, their passed exams and their holdings.
 * <ul>
 * <li>a certification is earned when every group of its required exams has a counted pass and every prerequisite is
 * held active;</li>
 * <li>never while the candidate has an open (status ACTIVE) holding of it, and never when it is retired;</li>
 * <li>passes taken before an earlier holding of the same certification ended (expired or revoked) do not count again:
 * an ended holding is re-earned only through the exams (C3);</li>
 * <li>chains: a certification whose prerequisite is earned in the same evaluation is earned too (prerequisites come
 * first in the result).</li>
 * </ul>
 */
public final class Earning {

    private Earning() {
    }

    public static List<Earned> newlyEarned(Collection<CertificationRule> catalogue, Collection<Pass> passes,
            Collection<HeldCertification> holdings) {
        Set<String> active = new HashSet<>();
        Set<String> open = new HashSet<>();
        for (HeldCertification held : holdings) {
            if (held.active()) {
                active.add(held.certificationId());
            }
            if (held.open()) {
                open.add(held.certificationId());
            }
        }
        List<CertificationRule> ordered = catalogue.stream().sorted(Comparator.comparing(CertificationRule::id)).toList();
        List<Earned> earned = new ArrayList<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (CertificationRule rule : ordered) {
                if (rule.retired() || open.contains(rule.id()) || !active.containsAll(rule.prerequisites())) {
                    continue;
                }
                Set<String> counted = countedPasses(rule.id(), passes, holdings);
                if (rule.requiredExams().isMetBy(counted)) {
                    earned.add(new Earned(rule.id(), rule.level(), rule.requiredExams().countedExams(counted)));
                    active.add(rule.id());
                    open.add(rule.id());
                    changed = true;
                }
            }
        }
        return earned;
    }

    /** Exam codes passed after the latest end of an earlier holding of {@code certificationId} (all, if none ended). */
    static Set<String> countedPasses(String certificationId, Collection<Pass> passes, Collection<HeldCertification> holdings) {
        Instant lastEnded = holdings.stream()
                .filter(h -> h.certificationId().equals(certificationId) && h.endedAt() != null)
                .map(HeldCertification::endedAt)
                .max(Comparator.naturalOrder())
                .orElse(null);
        Set<String> codes = new LinkedHashSet<>();
        for (Pass pass : passes) {
            if (lastEnded == null || pass.takenAt().isAfter(lastEnded)) {
                codes.add(pass.examCode());
            }
        }
        return codes;
    }
}
