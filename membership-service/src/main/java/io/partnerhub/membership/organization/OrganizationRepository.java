package io.partnerhub.membership.organization;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class OrganizationRepository implements PanacheRepositoryBase<Organization, UUID> {

    /** q: part of the name (any case) or the exact MPN id; country; only: restrict to this one organisation. */
    public record Search(String q, String country, UUID only) {

        String where() {
            StringBuilder where = new StringBuilder("1 = 1");
            if (q != null && !q.isBlank()) {
                where.append(" and (lower(name) like :name escape '\\' or mpnId = :mpnId)");
            }
            if (country != null && !country.isBlank()) {
                where.append(" and country = :country");
            }
            if (only != null) {
                where.append(" and id = :only");
            }
            return where.toString();
        }

        Parameters parameters() {
            Parameters parameters = new Parameters();
            if (q != null && !q.isBlank()) {
                String escaped = q.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
                parameters.and("name", "%" + escaped + "%").and("mpnId", q.trim());
            }
            if (country != null && !country.isBlank()) {
                parameters.and("country", country.trim().toUpperCase(Locale.ROOT));
            }
            if (only != null) {
                parameters.and("only", only);
            }
            return parameters;
        }
    }

    public List<Organization> search(Search search, int firstResult, int size) {
        return find(search.where(), Sort.by("name").and("id"), search.parameters())
                .range(firstResult, firstResult + size - 1).list();
    }

    public long count(Search search) {
        return count(search.where(), search.parameters());
    }

    public Optional<Organization> findByMpnId(String mpnId) {
        return find("mpnId", mpnId).firstResultOptional();
    }
}
