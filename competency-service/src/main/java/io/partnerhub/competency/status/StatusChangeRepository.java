package io.partnerhub.competency.status;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class StatusChangeRepository implements PanacheRepositoryBase<StatusChange, UUID> {

    public List<StatusChange> of(String organizationId, String competencyId, int page, int size) {
        return find("organizationId = ?1 and competencyId = ?2", Sort.by("seq"), organizationId, competencyId)
                .page(Page.of(page, size)).list();
    }

    public long countOf(String organizationId, String competencyId) {
        return count("organizationId = ?1 and competencyId = ?2", organizationId, competencyId);
    }
}
