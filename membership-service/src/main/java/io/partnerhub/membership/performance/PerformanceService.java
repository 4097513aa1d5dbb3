package io.partnerhub.membership.performance;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.partnerhub.chassis.events.EventPublisher;
import io.partnerhub.chassis.problem.InvalidRequest;
import io.partnerhub.chassis.problem.ResourceNotFound;
import io.partnerhub.membership.domain.PerformanceFigure;
import io.partnerhub.membership.events.PerformanceReported;
import io.partnerhub.membership.organization.OrganizationRepository;
import io.partnerhub.membership.performance.PerformanceViews.PerformanceView;
import io.partnerhub.membership.performance.PerformanceViews.ReportPerformance;
import io.quarkus.logging.Log;

/** M4 performance figures: stored per organisation, metric and period; a correction replaces the figure. */
@ApplicationScoped
public class PerformanceService {

    private final PerformanceReportRepository reports;
    private final OrganizationRepository organizations;
    private final EventPublisher events;
    private final Clock clock;

    public PerformanceService(PerformanceReportRepository reports, OrganizationRepository organizations,
            EventPublisher events, Clock clock) {
        this.reports = reports;
        this.organizations = organizations;
        this.events = events;
        this.clock = clock;
    }

    /** A new figure or a changed one publishes performance.reported.v1; the same figure again changes nothing. */
    @Transactional
    public PerformanceView report(UUID organizationId, ReportPerformance body) {
        PerformanceFigure figure;
        try {
            figure = new PerformanceFigure(body.metric(), body.value(), body.periodStart(), body.periodEnd());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(e.getMessage());
        }
        if (organizations.findByIdOptional(organizationId).isEmpty()) {
            throw new ResourceNotFound("organization", organizationId.toString());
        }
        PerformanceReport report = reports.find(organizationId, figure.metric(), figure.periodStart(), figure.periodEnd())
                .orElse(null);
        boolean corrected = report != null;
        if (report != null && !figure.changes(report.value)) {
            return view(report, true);
        }
        if (report == null) {
            report = new PerformanceReport();
            report.id = UUID.randomUUID();
            report.organizationId = organizationId;
            report.metric = figure.metric();
            report.periodStart = figure.periodStart();
            report.periodEnd = figure.periodEnd();
        }
        report.value = figure.value();
        report.reportedAt = clock.instant();
        reports.persistAndFlush(report);
        events.publish(new PerformanceReported(organizationId.toString(), figure.metric().name(), figure.value(),
                figure.periodStart(), figure.periodEnd()));
        Log.infof("Performance %s %s..%s of organization %s %s", figure.metric(), figure.periodStart(),
                figure.periodEnd(), organizationId, corrected ? "corrected" : "reported");
        return view(report, corrected);
    }

    private static PerformanceView view(PerformanceReport r, boolean corrected) {
        return new PerformanceView(r.id, r.organizationId, r.metric, r.value, r.periodStart, r.periodEnd, r.reportedAt,
                corrected);
    }
}
