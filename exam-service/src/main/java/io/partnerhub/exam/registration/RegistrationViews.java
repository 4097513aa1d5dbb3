package io.partnerhub.exam.registration;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.partnerhub.chassis.validation.StorableInstant;
import io.partnerhub.exam.domain.DeliveryMode;
import io.partnerhub.exam.domain.ExamProvider;
import io.partnerhub.exam.web.Ids;

public final class RegistrationViews {

    private RegistrationViews() {
    }

    public record RegisterForExam(@NotBlank @Size(max = Ids.CANDIDATE_ID_MAX) String candidateId,
                                  @NotBlank @Size(max = Ids.EXAM_CODE_MAX) String examCode,
                                  @NotNull ExamProvider provider,
                                  @NotNull DeliveryMode deliveryMode,
                                  @NotNull @StorableInstant Instant scheduledAt,
                                  UUID voucherId) {
    }

    public record SystemCheck(@NotNull Boolean passed) {
    }

    public record RegistrationView(UUID id, RegistrationStatus status, String candidateId, String examCode,
                                   ExamProvider provider, DeliveryMode deliveryMode, Instant scheduledAt,
                                   UUID voucherId, Boolean systemCheckPassed, Instant createdAt) {

        public static RegistrationView of(Registration r) {
            return new RegistrationView(r.id, r.status, r.candidateId, r.examCode, r.provider, r.deliveryMode,
                    r.scheduledAt, r.voucherId, r.systemCheckPassed, r.createdAt);
        }
    }
}
