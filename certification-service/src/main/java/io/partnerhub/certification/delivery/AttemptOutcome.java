package io.partnerhub.certification.delivery;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import io.partnerhub.certification.assessment.AssessmentService;
import io.partnerhub.certification.assessment.AssessmentViews.RecordAssessmentResult;
import io.partnerhub.certification.bank.BankQuestion;
import io.partnerhub.certification.delivery.AttemptViews.ScoreReport;
import io.partnerhub.certification.domain.AttemptRules;
import io.partnerhub.certification.domain.HoldingStatus;
import io.partnerhub.certification.domain.Scoring;
import io.partnerhub.certification.holding.CertificationHolding;
import io.partnerhub.certification.holding.HoldingRepository;
import io.partnerhub.certification.holding.HoldingService;
import io.quarkus.logging.Log;

/**
 * Scores an attempt once and applies the outcome in the caller's transaction (the attempt locked): a renewal attempt
 * counts as a renewal attempt of its holding from its submission (C3 wait) and, passed and submitted before the
 * expiry, renews it (certification.renewed.v1); an online assessment records its result (assessment.passed.v1 on a
 * pass, C6). Used by the submission, the deadline sweep and an external provider's report.
 */
@ApplicationScoped
public class AttemptOutcome {

    private final HoldingRepository holdings;
    private final HoldingService holdingService;
    private final AssessmentService assessments;

    public AttemptOutcome(HoldingRepository holdings, HoldingService holdingService, AssessmentService assessments) {
        this.holdings = holdings;
        this.holdingService = holdingService;
        this.assessments = assessments;
    }

    /** Scores the drawn questions as answered (unanswered: wrong), as submitted at {@code submittedAt}. */
    @Transactional(TxType.MANDATORY)
    public ScoreReport scoreDelivered(AssessmentAttempt attempt, Instant submittedAt) {
        List<Scoring.AnsweredQuestion> answered = attempt.questions.items().stream()
                .map(q -> new Scoring.AnsweredQuestion(q.number(), q.skillArea(),
                        new HashSet<>(q.options().stream().filter(BankQuestion.Option::correct).map(BankQuestion.Option::id).toList()),
                        new HashSet<>(q.answer())))
                .toList();
        Scoring.Score score = Scoring.score(answered, attempt.skillAreas.items(), attempt.passMarkPercent);
        return finish(attempt, score.percentage(), score.passed(), score.skillAreas(), score.wrongAnswers(), submittedAt);
    }

    /** The result an external system reported for an attempt delivered by it. */
    @Transactional(TxType.MANDATORY)
    public ScoreReport scoreExternal(AssessmentAttempt attempt, String resultId, BigDecimal percentage, boolean passed, Instant at) {
        attempt.externalResultId = resultId;
        return finish(attempt, percentage, passed, List.of(), List.of(), at);
    }

    private ScoreReport finish(AssessmentAttempt attempt, BigDecimal percentage, boolean passed, List<Scoring.AreaScore> areas,
            List<Scoring.WrongAnswer> wrong, Instant at) {
        Instant submittedAt = at.truncatedTo(ChronoUnit.MILLIS);
        boolean renewed = false;
        Instant expiresAt = null;
        if (attempt.kind == AssessmentAttempt.Kind.RENEWAL) {
            CertificationHolding holding = holdings.lock(attempt.holdingId);
            if (holding.status == HoldingStatus.ACTIVE) {
                renewed = passed && AttemptRules.renews(holding.status, holding.expiresAt,
                        holdingService.retired(holding, submittedAt), submittedAt);
                holdingService.recordRenewal(holding, renewed, submittedAt, null, attempt.id);
            }
            expiresAt = holding.expiresAt;
        } else {
            assessments.record(new RecordAssessmentResult(attempt.candidateId, attempt.assessmentId, passed, submittedAt));
        }
        attempt.report = new ScoreReport(attempt.id, percentage, attempt.passMarkPercent, passed, areas, wrong, renewed, expiresAt);
        attempt.status = AssessmentAttempt.Status.SCORED;
        attempt.submittedAt = submittedAt;
        Log.infof("Attempt %s scored: %s %%, passed=%s, renewed=%s", attempt.id, percentage, passed, renewed);
        return attempt.report;
    }
}
