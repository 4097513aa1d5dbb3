package io.partnerhub.exam.exam;

import java.time.LocalDate;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class ExamRepository implements PanacheRepositoryBase<Exam, String> {

    /** Exams whose retirement has taken effect but whose exam.retired.v1 has not been written yet. */
    public List<Exam> retiredUnpublished(LocalDate today) {
        return list("retiresOn <= ?1 and retirementPublished = false", today);
    }
}
