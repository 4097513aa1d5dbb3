package io.partnerhub.certification.delivery;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.partnerhub.certification.assessment.AssessmentRepository;
import io.partnerhub.certification.bank.AssessmentBlueprint;
import io.partnerhub.certification.bank.BankKey;
import io.partnerhub.certification.bank.BankQuestion;
import io.partnerhub.certification.bank.BankQuestionRepository;
import io.partnerhub.certification.bank.BankService;
import io.partnerhub.certification.delivery.AssessmentAttempt.DrawnQuestion;
import io.partnerhub.certification.delivery.AttemptViews.AttemptView;
import io.partnerhub.certification.delivery.AttemptViews.NumberedAnswer;
import io.partnerhub.certification.delivery.AttemptViews.ScoreReport;
import io.partnerhub.certification.domain.AttemptRules;
import io.partnerhub.certification.domain.Blueprint;
import io.partnerhub.certification.domain.QuestionDraw;
import io.partnerhub.certification.domain.QuestionKind;
import io.partnerhub.certification.holding.CertificationHolding;
import io.partnerhub.certification.holding.DueWork;
import io.partnerhub.certification.holding.HoldingRepository;
import io.partnerhub.certification.holding.HoldingService;
import io.partnerhub.chassis.problem.Conflict;
import io.partnerhub.chassis.problem.DomainException;
import io.partnerhub.chassis.problem.InvalidRequest;
import io.partnerhub.chassis.problem.ResourceNotFound;
import io.quarkus.logging.Log;

/**
 * Delivery (issue 21): a candidate starts an attempt (drawn by the blueprint, or delivered by an external system),
 * answers, submits; the sweep scores attempts past their deadline; an external system reports its result. Every
 * method that touches an attempt checks it is the caller's (another candidate's attempt is 404) and locks it.
 */
@ApplicationScoped
public class AttemptService implements DueWork {

    private final AttemptRepository attempts;
    private final AttemptOutcome outcome;
    private final BankService banks;
    private final BankQuestionRepository bankQuestions;
    private final HoldingRepository holdings;
    private final HoldingService holdingService;
    private final AssessmentRepository assessments;
    private final AssessmentProviders providers;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public AttemptService(AttemptRepository attempts, AttemptOutcome outcome, BankService banks, BankQuestionRepository bankQuestions,
            HoldingRepository holdings, HoldingService holdingService, AssessmentRepository assessments, AssessmentProviders providers,
            Clock clock) {
        this.attempts = attempts;
        this.outcome = outcome;
        this.banks = banks;
        this.bankQuestions = bankQuestions;
        this.holdings = holdings;
        this.holdingService = holdingService;
        this.assessments = assessments;
        this.providers = providers;
        this.clock = clock;
    }

    /** C3: the holder starts the renewal assessment inside the renewal window (C3a: window, wait, one open attempt). */
    @Transactional
    public AttemptView startRenewal(UUID holdingId, String candidateId, String deliveredBy) {
        requireKnownSystem(deliveredBy);
        CertificationHolding holding = holdings.lock(holdingId);
        if (holding == null || !holding.candidateId.equals(candidateId)) {
            throw new ResourceNotFound("certification holding", holdingId.toString());
        }
        BankKey bank = BankKey.certification(holding.certificationId);
        requireNoOpenAttempt(candidateId, bank);
        holdingService.requireRenewalOpen(holding);
        AssessmentAttempt attempt = newAttempt(bank, candidateId, deliveredBy);
        attempt.kind = AssessmentAttempt.Kind.RENEWAL;
        attempt.holdingId = holdingId;
        attempt.holdingExpiresAt = holding.expiresAt;
        return store(attempt);
    }

    /** C6: a candidate starts an online assessment (one open attempt per assessment). */
    @Transactional
    public AttemptView startAssessment(String assessmentId, String candidateId, String deliveredBy) {
        requireKnownSystem(deliveredBy);
        if (assessmentId.length() > 100 || assessments.findById(assessmentId) == null) {
            throw new ResourceNotFound("assessment", assessmentId);
        }
        BankKey bank = BankKey.assessment(assessmentId);
        requireNoOpenAttempt(candidateId, bank);
        AssessmentAttempt attempt = newAttempt(bank, candidateId, deliveredBy);
        attempt.kind = AssessmentAttempt.Kind.ASSESSMENT;
        attempt.assessmentId = assessmentId;
        return store(attempt);
    }

    private void requireKnownSystem(String deliveredBy) {
        if (deliveredBy != null && !providers.contains(deliveredBy)) {
            throw new InvalidRequest("No assessment system " + deliveredBy + " delivers assessments here").with("field", "deliveredBy");
        }
    }

    private void requireNoOpenAttempt(String candidateId, BankKey bank) {
        attempts.openOf(candidateId, bank.value()).ifPresent(open -> {
            throw new Conflict("attempt-open", "Attempt open", "Attempt " + open.id + " is still open; finish it first.")
                    .with("attemptId", open.id);
        });
    }

    private AssessmentAttempt newAttempt(BankKey bank, String candidateId, String deliveredBy) {
        AssessmentAttempt attempt = new AssessmentAttempt();
        attempt.id = UUID.randomUUID();
        attempt.bank = bank.value();
        attempt.candidateId = candidateId;
        attempt.startedAt = now();
        if (deliveredBy != null) {
            attempt.status = AssessmentAttempt.Status.EXTERNAL;
            attempt.deliveredBy = deliveredBy;
            attempt.passMarkPercent = banks.blueprintRule(bank).map(Blueprint::passMarkPercent).orElse(Blueprint.DEFAULT_PASS_MARK_PERCENT);
            attempt.skillAreas = new AssessmentBlueprint.SkillAreas(List.of());
            attempt.questions = new AssessmentAttempt.DrawnQuestions(List.of());
            return attempt;
        }
        Blueprint blueprint = banks.blueprintRule(bank).orElseThrow(() -> new Conflict("no-blueprint", "No assessment yet",
                bank.value() + " has no blueprint yet."));
        List<BankQuestion> drawn;
        try {
            drawn = QuestionDraw.draw(blueprint, bankQuestions.activeBySkillArea(bank.value()), random);
        } catch (QuestionDraw.BankTooSmall e) {
            throw BankService.bankTooSmall(e.shortages());
        }
        List<DrawnQuestion> questions = new ArrayList<>();
        for (BankQuestion q : drawn) {
            List<BankQuestion.Option> options = new ArrayList<>(q.options.items());
            Collections.shuffle(options, random);
            questions.add(new DrawnQuestion(questions.size() + 1, q.questionId, q.revision, q.skillArea, q.kind, q.text, options, List.of()));
        }
        attempt.status = AssessmentAttempt.Status.IN_PROGRESS;
        attempt.deadline = AttemptRules.deadline(attempt.startedAt, blueprint.timeLimitMinutes());
        attempt.passMarkPercent = blueprint.passMarkPercent();
        attempt.skillAreas = new AssessmentBlueprint.SkillAreas(blueprint.skillAreas());
        attempt.questions = new AssessmentAttempt.DrawnQuestions(questions);
        return attempt;
    }

    private AttemptView store(AssessmentAttempt attempt) {
        attempts.persist(attempt);
        attempts.flush(); // a concurrent start for the same bank loses on the one-open-attempt index here (409)
        Log.infof("Attempt %s started: %s, %s, %d questions, deadline %s", attempt.id, attempt.kind, attempt.bank,
                attempt.questions.items().size(), attempt.deadline);
        return AttemptView.of(attempt);
    }

    public AttemptView get(UUID attemptId, String candidateId) {
        return AttemptView.of(own(attempts.findById(attemptId), attemptId, candidateId));
    }

    public List<AttemptView> ofCandidate(String candidateId, int page, int size) {
        return attempts.ofCandidate(candidateId, page, size).stream().map(AttemptView::of).toList();
    }

    public long countOfCandidate(String candidateId) {
        return attempts.countOfCandidate(candidateId);
    }

    /** Stores an answer while the attempt is in progress and before its deadline (else 409 /attempt-closed). */
    @Transactional
    public AttemptView answer(UUID attemptId, String candidateId, int number, List<String> optionIds) {
        AssessmentAttempt attempt = own(attempts.lock(attemptId), attemptId, candidateId);
        if (attempt.status != AssessmentAttempt.Status.IN_PROGRESS || !AttemptRules.acceptsAnswers(attempt.deadline, now())) {
            throw closed(attempt);
        }
        apply(attempt, List.of(new NumberedAnswer(number, optionIds)));
        attempts.flush();
        return AttemptView.of(attempt);
    }

    /**
     * Scores the attempt once: answers given with the submission are stored first (if still in time); past the deadline
     * it counts as submitted at the deadline. A second submission, also a concurrent one, answers the same report.
     */
    @Transactional
    public ScoreReport submit(UUID attemptId, String candidateId, List<NumberedAnswer> answers) {
        AssessmentAttempt attempt = own(attempts.lock(attemptId), attemptId, candidateId);
        if (attempt.status == AssessmentAttempt.Status.SCORED) {
            return attempt.report;
        }
        if (attempt.status == AssessmentAttempt.Status.EXTERNAL) {
            throw new Conflict("attempt-external", "Attempt delivered elsewhere",
                    "Attempt " + attempt.id + " is delivered by " + attempt.deliveredBy + ", which reports its result.");
        }
        Instant now = now();
        if (answers != null && AttemptRules.acceptsAnswers(attempt.deadline, now)) {
            apply(attempt, answers);
        }
        ScoreReport report = outcome.scoreDelivered(attempt, AttemptRules.submittedAt(attempt.deadline, now));
        attempts.flush();
        return report;
    }

    public ScoreReport report(UUID attemptId, String candidateId) {
        AssessmentAttempt attempt = own(attempts.findById(attemptId), attemptId, candidateId);
        if (attempt.report == null) {
            throw new Conflict("attempt-not-scored", "Attempt not scored yet", "Attempt " + attempt.id + " is " + attempt.status + ".")
                    .with("attemptStatus", attempt.status);
        }
        return attempt.report;
    }

    @Override
    public String done() {
        return "attempts past their deadline scored";
    }

    /** One batch of the deadline sweep, in its own transaction: attempts past their deadline are scored as submitted then. */
    @Override
    @Transactional(TxType.REQUIRES_NEW)
    public int handleDue(int batchSize) {
        List<AssessmentAttempt> due = attempts.lockDue(clock.instant(), batchSize);
        due.forEach(attempt -> outcome.scoreDelivered(attempt, attempt.deadline));
        attempts.flush();
        return due.size();
    }

    /**
     * An external system's result for an attempt a candidate opened with it; any other attempt is 404 to it. The same
     * result id again answers the same report.
     */
    @Transactional
    public ScoreReport reportExternal(UUID attemptId, String system, AttemptViews.ExternalResultBody body) {
        AssessmentAttempt attempt = attempts.lock(attemptId);
        if (attempt == null || !system.equals(attempt.deliveredBy)) {
            throw new ResourceNotFound("assessment attempt", attemptId.toString());
        }
        if (attempt.status == AssessmentAttempt.Status.SCORED) {
            if (body.resultId().equals(attempt.externalResultId)) {
                return attempt.report;
            }
            throw closed(attempt);
        }
        ScoreReport report = outcome.scoreExternal(attempt, body.resultId(), body.percentage(), body.passed(), now());
        attempts.flush();
        return report;
    }

    private static AssessmentAttempt own(AssessmentAttempt attempt, UUID attemptId, String candidateId) {
        if (attempt == null || !Objects.equals(attempt.candidateId, candidateId)) {
            throw new ResourceNotFound("assessment attempt", attemptId.toString());
        }
        return attempt;
    }

    private static DomainException closed(AssessmentAttempt attempt) {
        return new Conflict("attempt-closed", "Attempt closed", "The attempt was scored or its time is up.")
                .with("attemptStatus", attempt.status);
    }

    /** Stores answers by question number: the options must be the question's, one for a SINGLE question (else 400). */
    private static void apply(AssessmentAttempt attempt, List<NumberedAnswer> answers) {
        List<DrawnQuestion> questions = new ArrayList<>(attempt.questions.items());
        for (NumberedAnswer answer : answers) {
            int index = answer.number() - 1;
            if (index < 0 || index >= questions.size()) {
                throw new ResourceNotFound("question", String.valueOf(answer.number()));
            }
            DrawnQuestion question = questions.get(index);
            List<String> chosen = List.copyOf(new LinkedHashSet<>(answer.optionIds()));
            List<String> known = question.options().stream().map(BankQuestion.Option::id).toList();
            if (!known.containsAll(chosen)) {
                throw new InvalidRequest("Question " + answer.number() + " has no such option").with("field", "optionIds");
            }
            if (question.kind() == QuestionKind.SINGLE && chosen.size() > 1) {
                throw new InvalidRequest("Question " + answer.number() + " takes one option").with("field", "optionIds");
            }
            questions.set(index, question.answered(chosen));
        }
        attempt.questions = new AssessmentAttempt.DrawnQuestions(questions);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }
}
