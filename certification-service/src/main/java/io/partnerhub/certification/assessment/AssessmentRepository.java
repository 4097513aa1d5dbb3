package io.partnerhub.certification.assessment;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class AssessmentRepository implements PanacheRepositoryBase<Assessment, String> {

    public List<Assessment> page(int page, int size) {
        return findAll(Sort.by("id")).page(Page.of(page, size)).list();
    }
}
