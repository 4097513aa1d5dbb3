package io.partnerhub.competency.competency;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class RequirementVersionRepository implements PanacheRepositoryBase<RequirementVersionRow, RequirementVersionRow.Key> {

    public List<RequirementVersionRow> ofCompetency(String competencyId) {
        return list("competencyId", Sort.by("effectiveFrom"), competencyId);
    }

    public List<RequirementVersionRow> all() {
        return listAll(Sort.by("competencyId").and("effectiveFrom"));
    }
}
