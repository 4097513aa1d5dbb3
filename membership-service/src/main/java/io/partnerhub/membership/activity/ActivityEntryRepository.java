package io.partnerhub.membership.activity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerhub.membership.domain.ActivityKind;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class ActivityEntryRepository implements PanacheRepositoryBase<ActivityEntry, UUID> {

    /** An organisation's entries, newest first, optionally of one kind and from/to an instant (both included). */
    public PanacheQuery<ActivityEntry> search(UUID organizationId, ActivityKind kind, Instant from, Instant to) {
        StringBuilder query = new StringBuilder("organizationId = ?1");
        List<Object> parameters = new ArrayList<>(List.of(organizationId));
        if (kind != null) {
            parameters.add(kind);
            query.append(" and kind = ?").append(parameters.size());
        }
        if (from != null) {
            parameters.add(from);
            query.append(" and at >= ?").append(parameters.size());
        }
        if (to != null) {
            parameters.add(to);
            query.append(" and at <= ?").append(parameters.size());
        }
        return find(query.toString(), Sort.descending("at").and("id", Sort.Direction.Descending), parameters.toArray());
    }
}
