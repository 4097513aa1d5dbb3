package io.partnerhub.membership.performance;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import io.partnerhub.chassis.validation.StorableDate;
import io.partnerhub.membership.domain.PerformanceMetric;

public final class PerformanceViews {

    private PerformanceViews() {
    }

    public record ReportPerformance(
            @NotNull PerformanceMetric metric,
            @NotNull @DecimalMin(value = "0", message = "must be 0 or more") @Digits(integer = 15, fraction = 4) BigDecimal value,
            @NotNull @StorableDate LocalDate periodStart,
            @NotNull @StorableDate LocalDate periodEnd) {
    }

    /** {@code corrected}: an earlier figure of the same metric and period was replaced (and kept as history). */
    public record PerformanceView(UUID id, UUID organizationId, PerformanceMetric metric, BigDecimal value,
            LocalDate periodStart, LocalDate periodEnd, String source, String reportedBy, Instant reportedAt,
            boolean corrected) {
    }

    /** A current figure; {@code corrections}: how many earlier values the history keeps. */
    public record FigureView(PerformanceMetric metric, BigDecimal value, LocalDate periodStart, LocalDate periodEnd,
            String source, String reportedBy, Instant reportedAt, int corrections) {
    }

    /** One stored value; {@code supersededAt} null for the current one. */
    public record HistoryView(PerformanceMetric metric, BigDecimal value, LocalDate periodStart, LocalDate periodEnd,
            String source, String reportedBy, Instant reportedAt, Instant supersededAt) {
    }
}
