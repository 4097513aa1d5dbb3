package io.partnerhub.membership.performance;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerhub.membership.domain.PerformanceMetric;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class PerformanceReportValueRepository implements PanacheRepositoryBase<PerformanceReportValue, UUID> {

    /** Marks the current value of a figure superseded. */
    public void supersede(UUID reportId, Instant at) {
        update("supersededAt = ?1 where reportId = ?2 and supersededAt is null", at, reportId);
    }

    /** Every stored value of an organisation, latest period first, then newest value first. */
    public PanacheQuery<PerformanceReportValue> history(UUID organizationId, PerformanceMetric metric) {
        Sort order = Sort.descending("periodStart").and("periodEnd", Sort.Direction.Descending).and("metric")
                .and("reportedAt", Sort.Direction.Descending).and("id");
        return metric == null ? find("organizationId = ?1", order, organizationId)
                : find("organizationId = ?1 and metric = ?2", order, organizationId, metric);
    }
}
