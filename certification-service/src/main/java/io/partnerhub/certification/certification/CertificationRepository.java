package io.partnerhub.certification.certification;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class CertificationRepository implements PanacheRepositoryBase<Certification, String> {

    public List<Certification> page(int page, int size) {
        return findAll(Sort.by("id")).page(Page.of(page, size)).list();
    }
}
