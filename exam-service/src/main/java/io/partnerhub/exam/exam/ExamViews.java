package io.partnerhub.exam.exam;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.partnerhub.chassis.validation.StorableDate;

import io.partnerhub.exam.domain.DeliveryMode;
import io.partnerhub.exam.domain.ExamProvider;
import io.partnerhub.exam.domain.ExamStatus;

/** Request and response bodies of the exam catalogue. */
public final class ExamViews {

    private ExamViews() {
    }

    public record SkillAreaBody(@NotBlank @Size(max = 200) String area,
                                @NotNull @Min(0) @Max(100) Integer weightMin,
                                @NotNull @Min(0) @Max(100) Integer weightMax) {
    }

    public record CreateExam(
            @NotBlank @Pattern(regexp = "[A-Z0-9][A-Z0-9-]{1,31}", message = "must be an exam code like AZ-104") String code,
            @NotBlank @Size(max = 200) String title,
            @Min(1) @Max(1000) Integer passingScore,
            Boolean beta,
            @StorableDate LocalDate liveOn,
            @NotEmpty List<@NotNull DeliveryMode> deliveryModes,
            @NotEmpty List<@NotNull ExamProvider> providers,
            @Size(max = 50) List<@NotNull @Valid SkillAreaBody> skillsMeasured) {
    }

    public record AnnounceRetirement(@NotNull @StorableDate LocalDate retiresOn) {
    }

    public record ExamView(String code, String title, int passingScore, boolean beta, LocalDate liveOn,
                           Instant scoreReleaseAt, ExamStatus status, LocalDate retiresOn,
                           List<DeliveryMode> deliveryModes, List<ExamProvider> providers,
                           List<SkillAreaBody> skillsMeasured) {
    }
}
