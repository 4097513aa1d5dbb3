package io.partnerhub.competency.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.partnerhub.competency.domain.Change;
import io.partnerhub.competency.domain.Level;

/** Response bodies of the organisation status (K3). */
public final class StatusViews {

    private StatusViews() {
    }

    @Schema(name = "RequirementProgress", description = "One requirement of one path of a level: have/need and who counts")
    public record RequirementProgress(Level level, int path, String description,
            @Schema(description = "exact: distinct people holding a listed credential now, or the metric's 12-month sum") BigDecimal have,
            BigDecimal need,
            @Schema(description = "who counts (skill), sorted by id: at most max(need, 100) people, the longest-lasting holders")
            List<String> counted, boolean met) {
    }

    @Schema(name = "CompetencyStatus")
    public record StatusView(String organizationId, String competencyId, Level level,
            @Schema(description = "1-based path of the displayed level that holds now; null when none holds") Integer path,
            boolean atRisk, List<String> reasons, Instant attainedAt, Instant validUntil,
            @Schema(description = "time of the newest event applied") Instant asOf, String requirementVersion,
            List<RequirementProgress> requirements) {
    }

    @Schema(name = "CompetencyStatusChange")
    public record ChangeView(Change change, Level level, boolean atRisk, List<String> reasons, Instant validUntil,
            Instant occurredAt, @Schema(description = "null when time-driven (valid-until reached)") String causeEventId,
            String causeEventType, String publishedEventId,
            @Schema(description = "have/need of every requirement at this change (empty for changes recorded before issue 27)")
            List<RequirementProgress> requirements) {
    }

    @Schema(name = "ForecastEntry", description = "K7: one dated loss, in the next 12 months, of a level the organisation meets now:"
            + " a holding expiry (assuming the people named for earlier losses renew) or a roadmap version taking effect")
    public record ForecastView(String competencyId, Level level, java.time.LocalDate on,
            @Schema(description = "holding expiry, or requirement version V takes effect") String cause,
            @Schema(description = "who stopped counting by then (holding expiry)") List<String> candidates,
            String keepsLevelIf,
            @Schema(description = "everyone who must renew to keep the level through the next 12 months (the same on every"
                    + " loss of the level)") List<String> mustRenew,
            @Schema(description = "the requirement version in effect on that day") String requirementVersion) {
    }
}
