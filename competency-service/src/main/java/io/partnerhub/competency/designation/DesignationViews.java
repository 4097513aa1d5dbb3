package io.partnerhub.competency.designation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.partnerhub.competency.domain.designation.Category;
import io.partnerhub.competency.domain.designation.DesignationState;
import io.partnerhub.competency.domain.designation.Unit;

/** The JSON shapes of the designation endpoints (P1, P5–P9). */
public final class DesignationViews {

    private DesignationViews() {
    }

    public record VersionView(String version, LocalDate effectiveFrom, List<AreaCatalogue.MetricBody> metrics,
            List<AreaCatalogue.TrackBody> tracks, List<String> certifications,
            List<AreaCatalogue.SpecialisationBody> specialisations) {

        static VersionView of(AreaCatalogue.Version v) {
            return new VersionView(v.version(), v.effectiveFrom(), v.body().metrics(), v.body().tracks(),
                    v.body().certifications(), v.body().specialisations());
        }
    }

    @Schema(description = "A solution area (P1): its requirement set in effect today and the roadmap of upcoming ones")
    public record AreaView(String id, String name, List<String> replaces, LocalDate today, VersionView inEffect,
            List<VersionView> upcoming) {

        static AreaView of(AreaCatalogue.Area area, LocalDate today) {
            return new AreaView(area.id(), area.name(), area.replaces(), today,
                    area.inEffect(today).map(VersionView::of).orElse(null),
                    area.upcoming(today).stream().map(VersionView::of).toList());
        }
    }

    public record DefineArea(
            @NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,99}", message = "must be a lower-case id like business-applications") String id,
            @NotBlank @Size(max = 200) String name,
            @Size(max = 20) List<@NotBlank @Size(max = 100) String> replaces) {
    }

    public record DefineVersion(@NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "letters, digits, . _ -") String version,
            @NotNull LocalDate effectiveFrom, @NotNull @Size(min = 1, max = 10) List<AreaCatalogue.@NotNull MetricBody> metrics,
            @Size(max = 10) List<AreaCatalogue.@NotNull TrackBody> tracks,
            @Size(max = 200) List<@NotBlank @Size(max = 200) String> certifications,
            @Size(max = 50) List<AreaCatalogue.@NotNull SpecialisationBody> specialisations) {

        AreaCatalogue.VersionBody body() {
            return new AreaCatalogue.VersionBody(metrics, tracks, certifications, specialisations);
        }
    }

    public record MetricLine(String metricId, String name, Category category, Unit unit, BigDecimal have,
            BigDecimal threshold, BigDecimal points, int maxPoints) {
    }

    public record WindowView(LocalDate from, LocalDate to, List<LocalDate> qualifyingDays, LocalDate nextDrop,
            @Schema(description = "the last day the window still holds a qualifying day (null: none)") LocalDate holdsUntil) {
    }

    public record PerMetric(String metricId, BigDecimal toThreshold,
            @Schema(description = "null at max points") BigDecimal toNextPoint) {
    }

    public record PlanStep(String metricId, BigDecimal add, BigDecimal pointsAfter) {
    }

    public record ToQualifyView(List<PerMetric> perMetric, List<PlanStep> plan) {
    }

    public record SpecialisationView(String id, String name, DesignationState state, int have, int need) {
    }

    @Schema(description = "An organisation's designation in one solution area (P3–P9)")
    public record StatusView(String organizationId, String solutionAreaId, String solutionAreaName, DesignationState state,
            boolean held, String track, BigDecimal score, boolean qualifiesToday, String scoreVersion,
            LocalDate lastEvaluated, List<MetricLine> metrics, WindowView window, ToQualifyView toQualify,
            List<SpecialisationView> specialisations) {
    }
}
