package io.partnerhub.competency.competency;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class CompetencyRepository implements PanacheRepositoryBase<Competency, String> {

    public List<Competency> page(int page, int size) {
        return findAll(Sort.by("id")).page(Page.of(page, size)).list();
    }
}
