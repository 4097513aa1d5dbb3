package io.partnerhub.competency.status;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.partnerhub.competency.domain.Change;
import io.partnerhub.competency.domain.Level;
import io.partnerhub.competency.domain.Reason;

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

    @Schema(name = "CredentialName", description = "A certification id (or assessment:<id>) and its name, null while unknown")
    public record CredentialName(String id, String name) {
    }

    @Schema(name = "StatusReason", description = "Issue 27: one reason as data, beside its sentence (text). people are candidate"
            + " ids: the organisation's people list (partner-admin, ops) names them")
    public record ReasonView(Reason.Kind kind, Level level, Integer path,
            @Schema(description = "the requirement's description") String requirement, List<CredentialName> credentials,
            @Schema(description = "candidate ids: who counts (not met), whose credential expires") List<String> people,
            @Schema(description = "the day a credential expires, or the forecast day") LocalDate on, String text) {
    }

    @Schema(name = "RequirementStatus", description = "One requirement of one path of a level: have/need, who counts, and"
            + " (issue 27) the requirement as data: kind, the credentials it lists with their names, the metric")
    public record RequirementView(Level level, int path, String description,
            @Schema(description = "exact: distinct people holding a listed credential now, or the metric's 12-month sum") BigDecimal have,
            BigDecimal need,
            @Schema(description = "who counts (skill), candidate ids sorted: at most max(need, 100) people, the longest-lasting holders")
            List<String> counted, boolean met,
            @Schema(description = "SKILL or PERFORMANCE; null when the requirement version no longer names it") String kind,
            List<CredentialName> credentials, @Schema(description = "performance: the metric") String metric) {
    }

    @Schema(name = "CompetencyStatus")
    public record StatusView(String organizationId, String competencyId, Level level,
            @Schema(description = "1-based path of the displayed level that holds now; null when none holds") Integer path,
            boolean atRisk, @Schema(description = "the reasons as sentences (as the events carry them)") List<String> reasons,
            @Schema(description = "issue 27: the same reasons as data") List<ReasonView> reasonDetails,
            Instant attainedAt, Instant validUntil,
            @Schema(description = "time of the newest event applied") Instant asOf, String requirementVersion,
            List<RequirementView> requirements) {
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
    public record ForecastView(String competencyId, Level level, LocalDate on,
            @Schema(description = "holding expiry, or requirement version V takes effect") String cause,
            @Schema(description = "who stopped counting by then (holding expiry)") List<String> candidates,
            String keepsLevelIf,
            @Schema(description = "everyone who must renew to keep the level through the next 12 months (the same on every"
                    + " loss of the level)") List<String> mustRenew,
            @Schema(description = "the requirement version in effect on that day") String requirementVersion,
            @Schema(description = "issue 27: what no longer holds that day, as data") List<ReasonView> reasonDetails,
            @Schema(description = "holding expiry: how many more people certifying would also keep it") int morePeople) {
    }
}
