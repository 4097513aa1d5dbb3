package io.partnerhub.membership.performance;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerhub.membership.domain.PerformanceMetric;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class PerformanceReportRepository implements PanacheRepositoryBase<PerformanceReport, UUID> {

    public Optional<PerformanceReport> find(UUID organizationId, PerformanceMetric metric, LocalDate start, LocalDate end) {
        return find("organizationId = ?1 and metric = ?2 and periodStart = ?3 and periodEnd = ?4", organizationId, metric,
                start, end).firstResultOptional();
    }

    /** An organisation's current figures, latest period first, optionally of one metric. */
    public PanacheQuery<PerformanceReport> current(UUID organizationId, PerformanceMetric metric) {
        Sort order = Sort.descending("periodStart").and("periodEnd", Sort.Direction.Descending).and("metric").and("id");
        return metric == null ? find("organizationId = ?1", order, organizationId)
                : find("organizationId = ?1 and metric = ?2", order, organizationId, metric);
    }
}
