package io.partnerhub.membership.performance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.partnerhub.membership.domain.PerformanceMetric;

/** Every value ever stored for a figure: the current one has no {@code supersededAt}; a correction sets it. */
@Entity
@Table(name = "performance_report_value")
public class PerformanceReportValue {

    @Id
    public UUID id;

    @Column(name = "report_id", nullable = false)
    public UUID reportId;

    @Column(name = "organization_id", nullable = false)
    public UUID organizationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public PerformanceMetric metric;

    @Column(nullable = false, precision = 19, scale = 4)
    public BigDecimal value;

    @Column(name = "period_start", nullable = false)
    public LocalDate periodStart;

    @Column(name = "period_end", nullable = false)
    public LocalDate periodEnd;

    @Column(nullable = false)
    public String source;

    @Column(name = "reported_by", nullable = false)
    public String reportedBy;

    @Column(name = "reported_at", nullable = false)
    public Instant reportedAt;

    @Column(name = "superseded_at")
    public Instant supersededAt;
}
