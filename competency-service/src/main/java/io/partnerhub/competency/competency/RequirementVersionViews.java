package io.partnerhub.competency.competency;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.partnerhub.chassis.validation.StorableDate;

/** Request and response bodies of requirement versions (K1, K2). */
public final class RequirementVersionViews {

    private RequirementVersionViews() {
    }

    public enum Kind {
        SKILL, PERFORMANCE
    }

    @Schema(name = "Requirement", description = "SKILL: individuals + anyOf (certification ids or assessment:<id>); "
            + "PERFORMANCE: metric (REVENUE, ACTIVE_USAGE, DEPLOYED_SEATS, NEW_CUSTOMERS) + threshold over the trailing 12 months")
    public record RequirementBody(
            @NotNull Kind kind,
            @Positive @Max(1_000_000) Integer individuals,
            @Size(max = 50) List<@NotBlank @Size(max = 111) @Pattern(regexp = "(assessment:)?[a-z0-9][a-z0-9-]{1,99}",
                    message = "must be a certification id or assessment:<id>") String> anyOf,
            @Size(max = 40) String metric,
            @PositiveOrZero @Digits(integer = 19, fraction = 4) BigDecimal threshold) {
    }

    @Schema(name = "RequirementPath", description = "All requirements must hold")
    public record PathBody(@NotEmpty @Size(max = 20) List<@NotNull @Valid RequirementBody> requirements) {
    }

    @Schema(name = "LevelRequirements", description = "One or more paths; any one is enough")
    public record LevelBody(@NotEmpty @Size(max = 10) List<@NotNull @Valid PathBody> paths) {
    }

    @Schema(name = "DefineRequirementVersion")
    public record DefineRequirementVersion(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]{0,49}", message = "must be a version name like 2027-05") String version,
            @NotNull @StorableDate LocalDate effectiveFrom,
            @NotNull @Valid LevelBody silver,
            @NotNull @Valid LevelBody gold) {
    }

    @Schema(name = "RequirementVersion")
    public record RequirementVersionView(String competencyId, String version, LocalDate effectiveFrom, LevelBody silver,
            LevelBody gold, Instant createdAt) {
    }

    @Schema(name = "Roadmap", description = "The version in effect today (null before the first) and the future versions, soonest first")
    public record RoadmapView(String competencyId, LocalDate today, RequirementVersionView inEffect,
            List<RequirementVersionView> upcoming) {
    }
}
