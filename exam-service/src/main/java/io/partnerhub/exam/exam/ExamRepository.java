package io.partnerhub.exam.exam;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ExamRepository implements PanacheRepositoryBase<Exam, String> {

    /** The exam's pass mark and beta dates, without loading the exam and its collections (empty: no such exam). */
    public Optional<ExamScoring> scoring(String code) {
        return getEntityManager().createQuery("select new io.partnerhub.exam.exam.ExamScoring(e.passingScore, e.beta, e.liveOn)"
                + " from Exam e where e.code = ?1", ExamScoring.class).setParameter(1, code).getResultStream().findFirst();
    }

    /** Exams whose retirement has taken effect but whose exam.retired.v1 has not been written yet. */
    public List<Exam> retiredUnpublished(LocalDate today) {
        return list("retiresOn <= ?1 and retirementPublished = false", today);
    }
}
