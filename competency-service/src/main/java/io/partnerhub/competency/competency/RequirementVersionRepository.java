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

    /**
     * How many versions are stored: the catalogue's generation, counted at most once a second. Plain JDBC (issue #25:
     * Panache's count translated its HQL anew at every call, most of the count's CPU; no flush before it either).
     */
    public long stored() {
        return getEntityManager().unwrap(org.hibernate.Session.class).doReturningWork(connection -> {
            try (var count = connection.prepareStatement("SELECT count(*) FROM requirement_version");
                    var row = count.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        });
    }
}
