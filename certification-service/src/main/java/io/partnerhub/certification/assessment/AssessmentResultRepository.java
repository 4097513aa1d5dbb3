package io.partnerhub.certification.assessment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class AssessmentResultRepository implements PanacheRepositoryBase<AssessmentResult, UUID> {

    public Optional<AssessmentResult> find(String candidateId, String assessmentId, Instant takenAt) {
        return find("candidateId = ?1 and assessmentId = ?2 and takenAt = ?3", candidateId, assessmentId, takenAt).firstResultOptional();
    }

    public List<AssessmentResult> passedBy(String candidateId) {
        return list("candidateId = ?1 and passed = true", Sort.by("takenAt").and("id"), candidateId);
    }
}
