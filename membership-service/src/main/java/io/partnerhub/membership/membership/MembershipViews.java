package io.partnerhub.membership.membership;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;

import io.partnerhub.membership.domain.CompetencyLevel;
import io.partnerhub.membership.domain.MembershipLevel;

public final class MembershipViews {

    private MembershipViews() {
    }

    public record PurchaseMembership(@NotNull MembershipLevel level) {
    }

    public record SubscriptionView(MembershipLevel level, LocalDate startsOn, LocalDate endsOn) {
    }

    public record AlertView(String competencyId, CompetencyLevel level, String message, List<String> reasons,
            Instant raisedAt) {
    }

    public record CompetencyView(String competencyId, CompetencyLevel level, LocalDate validUntil, boolean atRisk,
            List<String> reasons) {
    }

    /** M7 a Solutions Partner designation as membership knows it; held includes at risk. */
    public record DesignationView(String solutionAreaId, String name, boolean held, boolean atRisk, String track,
            BigDecimal score, LocalDate holdsUntil, Instant atRiskSince) {
    }

    /**
     * {@code subscription}: the active one (null without); {@code renewal}: a renewal bought to follow it (null without).
     */
    public record MembershipView(UUID organizationId, MembershipLevel level, SubscriptionView subscription,
            SubscriptionView renewal, boolean renewalAtRisk, List<AlertView> alerts, List<String> benefits,
            List<CompetencyView> competencies, List<DesignationView> designations) {
    }

    public record ProfileView(UUID id, String name, String country, MembershipLevel level,
            List<String> silverCompetencies, List<String> goldCompetencies, List<String> designations) {
    }
}
