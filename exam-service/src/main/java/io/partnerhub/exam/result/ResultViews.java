package io.partnerhub.exam.result;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.partnerhub.chassis.validation.StorableInstant;
import io.partnerhub.exam.web.Ids;

public final class ResultViews {

    private ResultViews() {
    }

    public record PostResult(@NotBlank @Size(max = Ids.PROVIDER_RESULT_ID_MAX) String providerResultId,
                             @NotNull UUID registrationId,
                             @NotNull @Min(1) @Max(1000) Integer score,
                             @NotNull @StorableInstant Instant takenAt) {
    }

    /** The answer to a posted result; identical when the same providerResultId is posted again. */
    public record ResultView(UUID attemptId, String candidateId, String examCode, UUID registrationId,
                             String providerResultId, int score, Instant takenAt, AttemptStatus status, Boolean passed) {

        static ResultView of(Attempt a) {
            return new ResultView(a.id, a.candidateId, a.examCode, a.registrationId, a.providerResultId,
                    a.score, a.takenAt, a.status, a.passed);
        }
    }

    /** An attempt as the candidate sees it: score and pass/fail are hidden while WITHHELD. */
    public record AttemptView(UUID attemptId, String examCode, UUID registrationId, Instant takenAt, AttemptStatus status,
                              Integer score, Boolean passed, Instant releasedAt) {

        public static AttemptView of(Attempt a) {
            boolean withheld = a.status == AttemptStatus.WITHHELD;
            return new AttemptView(a.id, a.examCode, a.registrationId, a.takenAt, a.status,
                    withheld ? null : a.score, withheld ? null : a.passed, a.releasedAt);
        }
    }

    /** @param created false when the providerResultId was already recorded (nothing new stored or published) */
    public record Recorded(ResultView result, boolean created) {
    }
}
