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
import io.partnerhub.chassis.problem.ResourceNotFound;
import io.partnerhub.exam.candidate.EligibilityService;
import io.partnerhub.exam.config.ExamConfig;
import io.partnerhub.exam.domain.PastAttempt;
import io.partnerhub.exam.events.ExamFailed;
import io.partnerhub.exam.events.ExamPassed;
import io.partnerhub.exam.exam.Exam;
import io.partnerhub.exam.exam.ExamScoring;
import io.partnerhub.exam.exam.ExamService;
import io.partnerhub.exam.registration.Registration;
import io.partnerhub.exam.registration.RegistrationRepository;
import io.partnerhub.exam.registration.RegistrationService;
import io.partnerhub.exam.result.ResultViews.PostResult;
import io.partnerhub.exam.result.ResultViews.Recorded;
import io.partnerhub.exam.result.ResultViews.ResultView;
import io.quarkus.logging.Log;

@ApplicationScoped
public class ResultService {

    private static final int RELEASE_BATCH = 200;

    private final AttemptRepository attempts;
    private final RegistrationService registrations;
    private final RegistrationRepository registrationLocks;
    private final ResultStore store;
    private final ExamService exams;
    private final EligibilityService eligibility;
    private final EventPublisher events;
    private final ExamConfig config;
    private final Clock clock;

    public ResultService(AttemptRepository attempts, RegistrationService registrations,
                         RegistrationRepository registrationLocks, ResultStore store, ExamService exams,
                         EligibilityService eligibility, EventPublisher events, ExamConfig config, Clock clock) {
        this.attempts = attempts;
        this.registrations = registrations;
        this.registrationLocks = registrationLocks;
        this.store = store;
        this.exams = exams;
        this.eligibility = eligibility;
        this.events = events;
        this.config = config;
        this.clock = clock;
    }

    /**
     * E5: records a provider result once. The idempotency key is (provider, providerResultId), the provider being the
     * registration's: the same key for the same registration returns the stored result unchanged (200), the same key
     * for another registration is 409 /provider-result-conflict, and another provider's identical id is a new result.
     * An exam-provider may post only for registrations of its own provider (another's answers 404).
     * <p>
     * The candidate+exam lock that booking takes serialises this with bookings, other results and the beta release
     * of the same candidate and exam, so the retake policy (E3) sees every recorded attempt, before and after takenAt.
     */
    @Transactional
    public Recorded record(PostResult body) {
        // the lock first, then in the same round trip everything the rules read, as committed by whoever held the lock
        // before us (an unknown id locks nothing)
        ResultStore.Read read = store.lockAndRead(body.registrationId(), body.providerResultId());
        Registration registration = registrations.requireVisible(body.registrationId(), read.registration());

        Optional<Recorded> replay = replay(registration, body, read.recorded());
        if (replay.isPresent()) {
            return replay.get();
        }
        switch (registration.status) {
            case CANCELLED -> throw new Conflict("registration-cancelled", "Registration cancelled",
                    "Registration " + registration.id + " was cancelled; it cannot have a result.");
            case AWAITING_SYSTEM_CHECK -> throw new Conflict("registration-not-confirmed", "Registration not confirmed",
                    "Registration " + registration.id + " never passed its system check; it cannot have a result.");
            case COMPLETED -> throw new Conflict("registration-completed", "Registration completed",
                    "Registration " + registration.id + " already has a result with another providerResultId.");
            case SCHEDULED -> { }
        }
        Instant now = clock.instant();
        if (body.takenAt().isAfter(now)) {
            throw new InvalidRequest("takenAt is in the future");
        }
        ExamScoring exam = read.scoring().orElseThrow(() -> new ResourceNotFound("exam", registration.examCode));
        boolean withheld = exam.withholdsScoresAt(now, config.betaReleaseDelay());
        boolean passed = exam.passes(body.score());
        PastAttempt outcome = withheld ? PastAttempt.withheld(body.takenAt())
                : passed ? PastAttempt.passed(body.takenAt()) : PastAttempt.failed(body.takenAt());
        eligibility.requireAdmissible(registration.candidateId, registration.examCode, outcome, read.pastAttempts(), read.covers());

        Attempt attempt = withheld
                ? Attempt.withheld(registration, body.providerResultId(), body.score(), body.takenAt(), now)
                : Attempt.scored(registration, body.providerResultId(), body.score(), body.takenAt(), passed, now);
        // a concurrent duplicate surfaces here, inside the method, as a constraint violation (nothing published yet)
        store.insertAndComplete(attempt, registration, now);
        if (attempt.status == AttemptStatus.SCORED) {
            publishOutcome(attempt);
        }
        Log.infof("attempt %s recorded for registration %s: %s passed=%s", attempt.id, registration.id, attempt.status, attempt.passed);
        return new Recorded(ResultView.of(attempt), true);
    }

    /**
     * After a failed write (a concurrent request won): the stored answer for this body if its key was recorded for the
     * same registration; 409 /provider-result-conflict if recorded for another; empty if not recorded at all.
     */
    @Transactional
    public Optional<Recorded> findRecorded(PostResult body) {
        Registration registration = registrations.requireVisible(body.registrationId());
        return replay(registration, body, attempts.byProviderResult(registration.provider, body.providerResultId()));
    }

    private Optional<Recorded> replay(Registration registration, PostResult body, Optional<Attempt> existing) {
        if (existing.isEmpty()) {
            return Optional.empty();
        }
        Attempt attempt = existing.get();
        if (!attempt.registrationId.equals(registration.id)) {
            throw new Conflict("provider-result-conflict", "Provider result id already used",
                    registration.provider + " result " + body.providerResultId() + " was recorded for another registration.")
                    .with("provider", registration.provider.name())
                    .with("providerResultId", body.providerResultId());
        }
        return Optional.of(new Recorded(ResultView.of(attempt), false));
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
        // the lock results and bookings take, in one order (no deadlock between two sweeping instances): a release
        // turns a withheld attempt into a pass or failure, which the retake policy of a concurrent result must see
        withheld.stream().map(a -> new CandidateExam(a.candidateId, a.examCode)).distinct().sorted()
                .forEach(key -> registrationLocks.lockCandidateExam(key.candidateId(), key.examCode()));
        int released = 0;
        for (Attempt attempt : withheld) {
            Exam exam = examsByCode.computeIfAbsent(attempt.examCode, exams::require);
            if (exam.withholdsScoresAt(now, delay)) {
                continue;
            }
            attempt.release(exam.passes(attempt.score), now);
            publishOutcome(attempt);
            released++;
            Log.infof("attempt %s released: passed=%s", attempt.id, attempt.passed);
        }
        return released;
    }

    private record CandidateExam(String candidateId, String examCode) implements Comparable<CandidateExam> {
        @Override
        public int compareTo(CandidateExam other) {
            int byCandidate = candidateId.compareTo(other.candidateId);
            return byCandidate != 0 ? byCandidate : examCode.compareTo(other.examCode);
        }
    }

    private void publishOutcome(Attempt attempt) {
        String attemptId = attempt.id.toString();
        if (Boolean.TRUE.equals(attempt.passed)) {
            events.publish(new ExamPassed(attempt.candidateId, attempt.examCode, attemptId, attempt.score, attempt.takenAt));
        } else {
            events.publish(new ExamFailed(attempt.candidateId, attempt.examCode, attemptId, attempt.score, attempt.takenAt));
        }
    }
}
