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
import jakarta.persistence.Version;

import io.partnerhub.membership.domain.PerformanceMetric;

/** The current figure of an organisation, metric and period. */
@Entity
@Table(name = "performance_report")
public class PerformanceReport {

    @Id
    public UUID id;

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

    @Column(name = "reported_at", nullable = false)
    public Instant reportedAt;

    /** The reporting system (the reporter token's claim source; "ops" for ops). */
    @Column(nullable = false)
    public String source;

    /** The token subject that reported the current value. */
    @Column(name = "reported_by", nullable = false)
    public String reportedBy;

    /** How many times the value was corrected (the earlier values are in performance_report_value). */
    @Column(nullable = false)
    public int corrections;

    @Version
    public long version;
}
