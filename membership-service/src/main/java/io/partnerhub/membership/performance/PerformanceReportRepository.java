package io.partnerhub.membership.performance;

import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerhub.membership.domain.PerformanceMetric;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

@ApplicationScoped
public class PerformanceReportRepository implements PanacheRepositoryBase<PerformanceReport, UUID> {

    public Optional<PerformanceReport> find(UUID organizationId, PerformanceMetric metric, LocalDate start, LocalDate end) {
        return find("organizationId = ?1 and metric = ?2 and periodStart = ?3 and periodEnd = ?4", organizationId, metric,
                start, end).firstResultOptional();
    }
}
