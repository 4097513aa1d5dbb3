package io.partnerhub.certification.assessment;

import java.time.Instant;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.partnerhub.certification.certification.CertificationViews;

/** Request and response bodies of assessments (C6). */
public final class AssessmentViews {

    private AssessmentViews() {
    }

    public record DefineAssessment(
            @NotBlank @Pattern(regexp = CertificationViews.ID_PATTERN, message = "must be a lower-case id like cloud-adoption-framework") String id,
            @NotBlank @Size(max = 200) String name) {
    }

    public record AssessmentView(String id, String name, Instant createdAt) {

        static AssessmentView of(Assessment a) {
            return new AssessmentView(a.id, a.name, a.createdAt);
        }
    }

    public record RecordAssessmentResult(
            @NotBlank @Size(max = 100) String candidateId,
            @NotBlank @Size(max = 100) String assessmentId,
            @NotNull Boolean passed,
            @NotNull Instant takenAt) {
    }

    public record AssessmentResultView(UUID id, String candidateId, String assessmentId, boolean passed, Instant takenAt, Instant recordedAt) {

        static AssessmentResultView of(AssessmentResult r) {
            return new AssessmentResultView(r.id, r.candidateId, r.assessmentId, r.passed, r.takenAt, r.recordedAt);
        }
    }
}
