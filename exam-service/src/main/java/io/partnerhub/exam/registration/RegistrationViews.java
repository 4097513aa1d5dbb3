package io.partnerhub.exam.registration;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import io.partnerhub.exam.domain.DeliveryMode;
import io.partnerhub.exam.domain.ExamProvider;

public final class RegistrationViews {

    private RegistrationViews() {
    }

    public record RegisterForExam(@NotBlank @Size(max = 100) String candidateId,
                                  @NotBlank @Size(max = 32) String examCode,
                                  @NotNull ExamProvider provider,
                                  @NotNull DeliveryMode deliveryMode,
                                  @NotNull Instant scheduledAt,
                                  UUID voucherId) {
    }

    public record SystemCheck(@NotNull Boolean passed) {
    }

    public record RegistrationView(UUID id, RegistrationStatus status, String candidateId, String examCode,
                                   ExamProvider provider, DeliveryMode deliveryMode, Instant scheduledAt,
                                   UUID voucherId, Boolean systemCheckPassed, Instant createdAt) {

        static RegistrationView of(Registration r) {
            return new RegistrationView(r.id(), r.status(), r.candidateId(), r.examCode(), r.provider(), r.deliveryMode(),
                    r.scheduledAt(), r.voucherId(), r.systemCheckPassed(), r.createdAt());
        }
    }
}
