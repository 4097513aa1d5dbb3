package io.partnerhub.certification.transcript;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class PassedExamRepository implements PanacheRepositoryBase<PassedExam, String> {

    public List<PassedExam> ofCandidate(String candidateId) {
        return list("candidateId", Sort.by("takenAt").and("attemptId"), candidateId);
    }
}
