package io.partnerhub.exam.result;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.partnerhub.chassis.events.EventPublisher;
import io.partnerhub.chassis.problem.Conflict;
import io.partnerhub.chassis.problem.InvalidRequest;
import io.partnerhub.exam.candidate.EligibilityService;
import io.partnerhub.exam.config.ExamConfig;
import io.partnerhub.exam.events.ExamFailed;
import io.partnerhub.exam.events.ExamPassed;
import io.partnerhub.exam.exam.Exam;
import io.partnerhub.exam.exam.ExamService;
import io.partnerhub.exam.registration.Registration;
import io.partnerhub.exam.registration.RegistrationService;
import io.partnerhub.exam.registration.RegistrationStatus;
import io.partnerhub.exam.result.ResultViews.PostResult;
import io.partnerhub.exam.result.ResultViews.Recorded;
import io.partnerhub.exam.result.ResultViews.ResultView;
import io.quarkus.logging.Log;

@ApplicationScoped
public class ResultService {

    private static final int RELEASE_BATCH = 200;

    private final AttemptRepository attempts;
    private final RegistrationService registrations;
    private final ExamService exams;
    private final EligibilityService eligibility;
    private final EventPublisher events;
    private final ExamConfig config;
    private final Clock clock;

    public ResultService(AttemptRepository attempts, RegistrationService registrations, ExamService exams,
                         EligibilityService eligibility, EventPublisher events, ExamConfig config, Clock clock) {
        this.attempts = attempts;
        this.registrations = registrations;
        this.exams = exams;
        this.eligibility = eligibility;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    /**
     * E5: records a provider result once. The same providerResultId again returns the stored result unchanged.
     * A concurrent duplicate loses on the unique constraint at flush; the caller then reads the winner.
     */
    @Transactional
    public Recorded record(PostResult body) {
        Optional<Attempt> existing = attempts.byProviderResultId(body.providerResultId());
        if (existing.isPresent()) {
            return new Recorded(ResultView.of(existing.get()), false);
        }
        Registration registration = registrations.require(body.registrationId());
        switch (registration.status()) {
            case CANCELLED -> throw new Conflict("registration-cancelled", "Registration cancelled",
                    "Registration " + registration.id() + " was cancelled; it cannot have a result.");
            case AWAITING_SYSTEM_CHECK -> throw new Conflict("registration-not-confirmed", "Registration not confirmed",
                    "Registration " + registration.id() + " never passed its system check; it cannot have a result.");
            case COMPLETED -> {
                // a concurrent duplicate may have committed between the lookup above and reading the registration
                Optional<Attempt> recorded = attempts.byRegistration(registration.id())
                        .filter(a -> a.providerResultId().equals(body.providerResultId()));
                if (recorded.isPresent()) {
                    return new Recorded(ResultView.of(recorded.get()), false);
                }
                throw new Conflict("registration-completed", "Registration completed",
                        "Registration " + registration.id() + " already has a result with another providerResultId.");
            }
            case SCHEDULED -> { }
        }
        Instant now = clock.instant();
        if (body.takenAt().isAfter(now)) {
            throw new InvalidRequest("takenAt is in the future");
        }
        eligibility.requireEligible(registration.candidateId(), registration.examCode(), body.takenAt());

        Exam exam = exams.require(registration.examCode());
        Attempt attempt;
        if (exam.withholdsScoresAt(now, config.betaReleaseDelay())) {
            attempt = Attempt.withheld(body.providerResultId(), registration.id(), registration.candidateId(),
                    registration.examCode(), body.score(), body.takenAt(), now);
        } else {
            attempt = Attempt.scored(body.providerResultId(), registration.id(), registration.candidateId(),
                    registration.examCode(), body.score(), body.takenAt(), exam.passes(body.score()), now);
        }
        attempts.persist(attempt);
        registration.complete(now);
        if (attempt.status() == AttemptStatus.SCORED) {
            publishOutcome(attempt);
        }
        attempts.flush(); // surface a concurrent duplicate here, inside the method, as a constraint violation
        Log.infof("attempt %s recorded for registration %s: %s passed=%s", attempt.id(), registration.id(), attempt.status(), attempt.passed());
        return new Recorded(ResultView.of(attempt), true);
    }

    @Transactional
    public Optional<ResultView> find(String providerResultId) {
        return attempts.byProviderResultId(providerResultId).map(ResultView::of);
    }

    /** E6 sweep: releases withheld beta scores whose release moment has come; the event carries the original takenAt. */
    @Transactional
    public int releaseWithheld() {
        Instant now = clock.instant();
        Duration delay = config.betaReleaseDelay();
        Map<String, Exam> examsByCode = new HashMap<>();
        // liveOn + delay <= now  <=>  liveOn <= the UTC date of (now - delay)
        LocalDate liveOnOrBefore = LocalDate.ofInstant(now.minus(delay), ZoneOffset.UTC);
        List<Attempt> withheld = attempts.withheldOfExamsLiveBy(liveOnOrBefore, RELEASE_BATCH);
        int released = 0;
        for (Attempt attempt : withheld) {
            Exam exam = examsByCode.computeIfAbsent(attempt.examCode(), exams::require);
            if (exam.withholdsScoresAt(now, delay)) {
                continue;
            }
            attempt.release(exam.passes(attempt.score()), now);
            publishOutcome(attempt);
            released++;
            Log.infof("attempt %s released: passed=%s", attempt.id(), attempt.passed());
        }
        return released;
    }

    private void publishOutcome(Attempt attempt) {
        String attemptId = attempt.id().toString();
        if (Boolean.TRUE.equals(attempt.passed())) {
            events.publish(new ExamPassed(attempt.candidateId(), attempt.examCode(), attemptId, attempt.score(), attempt.takenAt()));
        } else {
            events.publish(new ExamFailed(attempt.candidateId(), attempt.examCode(), attemptId, attempt.score(), attempt.takenAt()));
        }
    }
}
