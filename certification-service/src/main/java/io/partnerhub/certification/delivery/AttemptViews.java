package io.partnerhub.certification.delivery;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.partnerhub.certification.domain.QuestionKind;
import io.partnerhub.certification.domain.Scoring;

/**
 * Bodies of attempts. What a candidate reads (AttemptView, ScoreReport) never carries a correct option or an
 * explanation: those records have no such field.
 */
public final class AttemptViews {

    private AttemptViews() {
    }

    /** Optional body of the start endpoints: {@code deliveredBy} names the external system that delivers the attempt. */
    public record StartAttempt(@Size(max = 100) @Pattern(regexp = "[a-z0-9][a-z0-9-]{0,99}") String deliveredBy) {
    }

    public record CandidateOption(String id, String text) {
    }

    public record CandidateQuestion(int number, String skillArea, QuestionKind kind, String text, List<CandidateOption> options,
            List<String> answer) {

        static CandidateQuestion of(AssessmentAttempt.DrawnQuestion q) {
            return new CandidateQuestion(q.number(), q.skillArea(), q.kind(), q.text(),
                    q.options().stream().map(o -> new CandidateOption(o.id(), o.text())).toList(), q.answer());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AttemptView(UUID id, AssessmentAttempt.Kind kind, UUID holdingId, String assessmentId,
            AssessmentAttempt.Status status, Instant startedAt, Instant deadline, String deliveredBy,
            List<CandidateQuestion> questions, String warning) {

        static AttemptView of(AssessmentAttempt a) {
            boolean crosses = io.partnerhub.certification.domain.AttemptRules.deadlineCrossesExpiry(a.deadline, a.holdingExpiresAt);
            return new AttemptView(a.id, a.kind, a.holdingId, a.assessmentId, a.status, a.startedAt, a.deadline, a.deliveredBy,
                    a.questions.items().stream().map(CandidateQuestion::of).toList(),
                    crosses && a.open() ? "The time limit runs past the certification's expiry at " + a.holdingExpiresAt
                            + ": an attempt submitted after it renews nothing." : null);
        }
    }

    public record AnswerBody(@NotNull @Size(max = 10) List<@NotNull @Size(max = 100) String> optionIds) {
    }

    public record NumberedAnswer(@NotNull @Min(1) @Max(1000) Integer number,
            @NotNull @Size(max = 10) List<@NotNull @Size(max = 100) String> optionIds) {
    }

    public record SubmissionBody(@Size(max = 1000) List<@NotNull @Valid NumberedAnswer> answers) {
    }

    public record ExternalResultBody(@NotBlank @Size(max = 100) String resultId,
            @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal percentage, @NotNull Boolean passed) {
    }

    /**
     * The score report (Learn-style): overall percentage and pass mark, per skill area the share correct and STRONG or
     * NEEDS_IMPROVEMENT, which of the candidate's answers were wrong, and whether the holding was renewed (its expiry).
     */
    public record ScoreReport(UUID attemptId, BigDecimal percentage, int passMarkPercent, boolean passed,
            List<Scoring.AreaScore> skillAreas, List<Scoring.WrongAnswer> wrongAnswers, boolean renewed, Instant expiresAt) {
    }
}
