package io.partnerhub.certification.domain;

import java.util.List;

/**
 * What earning needs to know of one catalogue entry (C1): its required exams, the certifications that must be held
 * active, and whether it is retired now (C5: a retired certification is never earned).
 */
public record CertificationRule(String id, CertificationLevel level, RequiredExams requiredExams, List<String> prerequisites,
        boolean retired) {

    public CertificationRule {
        prerequisites = prerequisites == null ? List.of() : List.copyOf(prerequisites);
    }
}
