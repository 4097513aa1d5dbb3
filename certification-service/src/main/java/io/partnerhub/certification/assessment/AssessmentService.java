package io.partnerhub.certification.assessment;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.partnerhub.certification.assessment.AssessmentViews.AssessmentResultView;
import io.partnerhub.certification.assessment.AssessmentViews.AssessmentView;
import io.partnerhub.certification.assessment.AssessmentViews.DefineAssessment;
import io.partnerhub.certification.assessment.AssessmentViews.RecordAssessmentResult;
import io.partnerhub.certification.events.AssessmentDefined;
import io.partnerhub.certification.events.AssessmentPassed;
import io.partnerhub.chassis.events.EventPublisher;
import io.partnerhub.chassis.problem.Conflict;
import io.partnerhub.chassis.problem.InvalidRequest;
import io.partnerhub.chassis.problem.ResourceNotFound;
import io.quarkus.logging.Log;

@ApplicationScoped
public class AssessmentService {

    /** Results taken before this are typos (and keep every instant storable). */
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private final AssessmentRepository assessments;
    private final AssessmentResultRepository results;
    private final EventPublisher events;
    private final Clock clock;

    public AssessmentService(AssessmentRepository assessments, AssessmentResultRepository results, EventPublisher events, Clock clock) {
        this.assessments = assessments;
        this.results = results;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public AssessmentView define(DefineAssessment body) {
        if (assessments.findById(body.id()) != null) {
            throw new Conflict("assessment-exists", "Assessment exists", "An assessment with id " + body.id() + " exists");
        }
        Assessment assessment = new Assessment();
        assessment.id = body.id();
        assessment.name = body.name().trim();
        assessment.createdAt = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        assessments.persist(assessment);
        assessments.flush(); // a concurrent definition of the same id fails here (409 concurrent-modification)
        events.publish(new AssessmentDefined(assessment.id, assessment.name, assessment.createdAt));
        Log.infof("Assessment %s defined", assessment.id);
        return AssessmentView.of(assessment);
    }

    public List<AssessmentView> list(int page, int size) {
        return assessments.page(page, size).stream().map(AssessmentView::of).toList();
    }

    public long count() {
        return assessments.count();
    }

    /** The result and whether it is new: the same (candidate, assessment, takenAt) again changes nothing. */
    public record Recorded(AssessmentResultView result, boolean created) {
    }

    /** C6: records a result; a pass publishes assessment.passed.v1 in the same transaction. */
    @Transactional
    public Recorded record(RecordAssessmentResult body) {
        Instant now = clock.instant();
        Instant takenAt = body.takenAt().truncatedTo(ChronoUnit.MILLIS);
        if (takenAt.isAfter(now)) {
            throw new InvalidRequest("takenAt must not be in the future").with("field", "takenAt");
        }
        if (takenAt.isBefore(EARLIEST)) {
            throw new InvalidRequest("takenAt must be in " + EARLIEST.toString().substring(0, 4) + " or later").with("field", "takenAt");
        }
        if (assessments.findById(body.assessmentId()) == null) {
            throw new ResourceNotFound("assessment", body.assessmentId());
        }
        var existing = results.find(body.candidateId(), body.assessmentId(), takenAt);
        if (existing.isPresent()) {
            return new Recorded(AssessmentResultView.of(existing.get()), false);
        }
        AssessmentResult result = new AssessmentResult();
        result.id = UUID.randomUUID();
        result.candidateId = body.candidateId();
        result.assessmentId = body.assessmentId();
        result.passed = body.passed();
        result.takenAt = takenAt;
        result.recordedAt = now.truncatedTo(ChronoUnit.MILLIS);
        results.persist(result);
        results.flush();
        if (result.passed) {
            events.publish(new AssessmentPassed(result.candidateId, result.assessmentId, result.takenAt));
        }
        Log.infof("Assessment %s result for candidate %s: passed=%s", result.assessmentId, result.candidateId, result.passed);
        return new Recorded(AssessmentResultView.of(result), true);
    }
}
