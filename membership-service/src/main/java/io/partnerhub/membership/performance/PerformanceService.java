package io.partnerhub.membership.performance;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.partnerhub.chassis.events.EventPublisher;
import io.partnerhub.chassis.problem.InvalidRequest;
import io.partnerhub.chassis.problem.ResourceNotFound;
import io.partnerhub.membership.activity.ActivityLog;
import io.partnerhub.membership.domain.ActivityKind;
import io.partnerhub.membership.domain.PerformanceFigure;
import io.partnerhub.membership.domain.PerformanceMetric;
import io.partnerhub.membership.events.PerformanceReported;
import io.partnerhub.membership.organization.OrganizationRepository;
import io.partnerhub.membership.performance.PerformanceViews.FigureView;
import io.partnerhub.membership.performance.PerformanceViews.HistoryView;
import io.partnerhub.membership.performance.PerformanceViews.PerformanceView;
import io.partnerhub.membership.performance.PerformanceViews.ReportPerformance;
import io.quarkus.logging.Log;

/**
 * M4 performance figures: one current figure per organisation, metric and period, with the reporting system
 * ({@code source}) and the token subject that reported it; a correction keeps the earlier value as history.
 */
@ApplicationScoped
public class PerformanceService {

    private final PerformanceReportRepository reports;
    private final PerformanceReportValueRepository values;
    private final OrganizationRepository organizations;
    private final EventPublisher events;
    private final ActivityLog activity;
    private final Clock clock;

    public PerformanceService(PerformanceReportRepository reports, PerformanceReportValueRepository values,
            OrganizationRepository organizations, EventPublisher events, ActivityLog activity, Clock clock) {
        this.reports = reports;
        this.values = values;
        this.organizations = organizations;
        this.events = events;
        this.activity = activity;
        this.clock = clock;
    }

    /**
     * A new figure, or a changed value or source, publishes performance.reported.v1 and keeps the earlier value in the
     * history; the same value again from the same source changes nothing.
     */
    @Transactional
    public PerformanceView report(UUID organizationId, ReportPerformance body, String source, String reportedBy) {
        PerformanceFigure figure;
        try {
            figure = new PerformanceFigure(body.metric(), body.value(), body.periodStart(), body.periodEnd());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(e.getMessage());
        }
        requireOrganization(organizationId);
        PerformanceReport report = reports.find(organizationId, figure.metric(), figure.periodStart(), figure.periodEnd())
                .orElse(null);
        boolean corrected = report != null;
        if (report != null && !figure.changes(report.value) && Objects.equals(report.source, source)) {
            return view(report, true);
        }
        Instant now = clock.instant();
        if (report == null) {
            report = new PerformanceReport();
            report.id = UUID.randomUUID();
            report.organizationId = organizationId;
            report.metric = figure.metric();
            report.periodStart = figure.periodStart();
            report.periodEnd = figure.periodEnd();
        } else {
            values.supersede(report.id, now);
            report.corrections++;
        }
        report.value = figure.value();
        report.reportedAt = now;
        report.source = source;
        report.reportedBy = reportedBy;
        reports.persistAndFlush(report);
        PerformanceReportValue value = new PerformanceReportValue();
        value.id = UUID.randomUUID();
        value.reportId = report.id;
        value.organizationId = organizationId;
        value.metric = report.metric;
        value.value = report.value;
        value.periodStart = report.periodStart;
        value.periodEnd = report.periodEnd;
        value.source = source;
        value.reportedBy = reportedBy;
        value.reportedAt = now;
        values.persistAndFlush(value);
        events.publish(new PerformanceReported(organizationId.toString(), figure.metric().name(), figure.value(),
                figure.periodStart(), figure.periodEnd(), source));
        activity.record(organizationId, corrected ? ActivityKind.PERFORMANCE_CORRECTED : ActivityKind.PERFORMANCE_REPORTED,
                (corrected ? "Corrected " : "Reported ") + figure.metric() + " " + figure.periodStart() + ".."
                        + figure.periodEnd() + ": " + figure.value().toPlainString() + " (" + source + ")",
                "metric", figure.metric(), "value", figure.value().toPlainString(), "periodStart", figure.periodStart(),
                "periodEnd", figure.periodEnd(), "source", source);
        Log.infof("Performance %s %s..%s of organization %s %s by %s", figure.metric(), figure.periodStart(),
                figure.periodEnd(), organizationId, corrected ? "corrected" : "reported", source);
        return view(report, corrected);
    }

    public List<FigureView> figures(UUID organizationId, PerformanceMetric metric, int firstResult, int size) {
        requireOrganization(organizationId);
        return reports.current(organizationId, metric).range(firstResult, firstResult + size - 1).list().stream()
                .map(r -> new FigureView(r.metric, r.value, r.periodStart, r.periodEnd, r.source, r.reportedBy,
                        r.reportedAt, r.corrections))
                .toList();
    }

    public long countFigures(UUID organizationId, PerformanceMetric metric) {
        return reports.current(organizationId, metric).count();
    }

    public List<HistoryView> history(UUID organizationId, PerformanceMetric metric, int firstResult, int size) {
        requireOrganization(organizationId);
        return values.history(organizationId, metric).range(firstResult, firstResult + size - 1).list().stream()
                .map(v -> new HistoryView(v.metric, v.value, v.periodStart, v.periodEnd, v.source, v.reportedBy,
                        v.reportedAt, v.supersededAt))
                .toList();
    }

    public long countHistory(UUID organizationId, PerformanceMetric metric) {
        return values.history(organizationId, metric).count();
    }

    private void requireOrganization(UUID organizationId) {
        if (organizations.findByIdOptional(organizationId).isEmpty()) {
            throw new ResourceNotFound("organization", organizationId.toString());
        }
    }

    private static PerformanceView view(PerformanceReport r, boolean corrected) {
        return new PerformanceView(r.id, r.organizationId, r.metric, r.value, r.periodStart, r.periodEnd, r.source,
                r.reportedBy, r.reportedAt, corrected);
    }
}
