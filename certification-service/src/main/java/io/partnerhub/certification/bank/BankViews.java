package io.partnerhub.certification.bank;

import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import io.partnerhub.certification.domain.Blueprint;
import io.partnerhub.certification.domain.QuestionKind;
import io.partnerhub.certification.domain.SkillArea;

/** Request and response bodies of blueprints and question banks (ops only: questions here carry their answers). */
public final class BankViews {

    /** A skill area id, as ops take it from the exams' skills measured. */
    public static final String SKILL_AREA_PATTERN = "[a-z0-9][a-z0-9-]{0,63}";

    private BankViews() {
    }

    public record SkillAreaBody(@NotBlank @Pattern(regexp = SKILL_AREA_PATTERN) String id, @NotBlank @Size(max = 200) String name,
            @NotNull @Min(1) @Max(100) Integer share) {
    }

    /** Absent numbers take the defaults: 25 questions, 45 minutes, pass at 60 %. */
    public record BlueprintBody(@Min(1) @Max(Blueprint.MAX_QUESTIONS) Integer questionCount,
            @Min(1) @Max(Blueprint.MAX_TIME_LIMIT_MINUTES) Integer timeLimitMinutes, @Min(1) @Max(100) Integer passMarkPercent,
            @NotEmpty @Size(max = Blueprint.MAX_SKILL_AREAS) List<@NotNull @Valid SkillAreaBody> skillAreas) {

        Blueprint rule() {
            return new Blueprint(questionCount == null ? Blueprint.DEFAULT_QUESTION_COUNT : questionCount,
                    timeLimitMinutes == null ? Blueprint.DEFAULT_TIME_LIMIT_MINUTES : timeLimitMinutes,
                    passMarkPercent == null ? Blueprint.DEFAULT_PASS_MARK_PERCENT : passMarkPercent,
                    skillAreas.stream().map(a -> new SkillArea(a.id(), a.name().strip(), a.share())).toList());
        }
    }

    public record BlueprintView(int questionCount, int timeLimitMinutes, int passMarkPercent, List<SkillArea> skillAreas) {

        static BlueprintView of(Blueprint b) {
            return new BlueprintView(b.questionCount(), b.timeLimitMinutes(), b.passMarkPercent(), b.skillAreas());
        }
    }

    public record OptionBody(@NotBlank @Size(max = 500) String text, boolean correct) {
    }

    public record QuestionBody(@NotBlank @Pattern(regexp = SKILL_AREA_PATTERN) String skillArea, @NotNull QuestionKind kind,
            @NotBlank @Size(max = 2000) String text, @NotNull @Size(max = 10) List<@NotNull @Valid OptionBody> options,
            @NotBlank @Size(max = 4000) String explanation) {
    }

    /** A question as ops see it, with its correct options and explanation (never shown to a candidate). */
    public record QuestionView(UUID id, int revision, String skillArea, QuestionKind kind, String text,
            List<BankQuestion.Option> options, String explanation, boolean active) {

        static QuestionView of(BankQuestion q) {
            return new QuestionView(q.questionId, q.revision, q.skillArea, q.kind, q.text, q.options.items(), q.explanation, q.active);
        }
    }

    /** One row of a bank import: created (with the new question's id) or invalid (with what is wrong). */
    public record ImportRow(int row, String status, UUID id, List<String> problems) {
    }
}
