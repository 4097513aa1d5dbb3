package io.partnerhub.membership.domain;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * M5/M6/M7 purchase, renewal and the displayed level, as plain functions of what membership knows: the organisation's
 * competency and designation standings, its subscriptions and today's date (from the application clock).
 */
public final class MembershipRules {

    private MembershipRules() {
    }

    /** Why a purchase or renewal is refused; the slug is the problem type. */
    public record Refusal(String slug, String title, String detail) {
    }

    /** The subscription active on {@code today}, if any (the latest-starting one). */
    public static Optional<Subscription> active(Collection<Subscription> subscriptions, LocalDate today) {
        return subscriptions.stream().filter(s -> s.activeOn(today))
                .max((a, b) -> a.startsOn().compareTo(b.startsOn()));
    }

    /** The displayed level: an active subscription's level until it ends (even when at risk), else NETWORK_MEMBER. */
    public static MembershipLevel displayedLevel(Collection<Subscription> subscriptions, LocalDate today) {
        return active(subscriptions, today).map(Subscription::level).orElse(MembershipLevel.NETWORK_MEMBER);
    }

    /**
     * Buying a pack: SILVER or GOLD, earned, and not while a subscription at that level or higher runs (buying GOLD while
     * SILVER runs is an upgrade: the Silver subscription ends today). Empty = allowed.
     */
    public static Optional<Refusal> purchase(MembershipLevel level, Standings standings,
            Collection<Subscription> subscriptions, LocalDate today) {
        if (!level.purchasable()) {
            return Optional.of(new Refusal("level-not-purchasable", "Level not purchasable",
                    "NETWORK_MEMBER is the default; the benefit packs are SILVER, GOLD and SOLUTIONS_PARTNER"));
        }
        Optional<Subscription> active = active(subscriptions, today);
        if (active.isPresent() && active.get().level().compareTo(level) >= 0) {
            return Optional.of(new Refusal("already-subscribed", "Already subscribed",
                    "A " + active.get().level() + " subscription runs until " + active.get().endsOn()));
        }
        if (!standings.earned(level, today)) {
            return Optional.of(new Refusal("level-not-earned", "Level not earned",
                    level.byDesignation() ? "Buying the SOLUTIONS_PARTNER benefit pack needs a Solutions Partner designation held"
                            : "Buying the " + level + " benefit pack needs at least one competency attained at " + level));
        }
        return Optional.empty();
    }

    /**
     * Renewing: at the level of the active subscription, once (no later subscription bought yet), and only if the
     * requirements hold now. The renewal starts when the active subscription ends. Empty = allowed.
     */
    public static Optional<Refusal> renewal(Standings standings, Collection<Subscription> subscriptions,
            LocalDate today) {
        Optional<Subscription> active = active(subscriptions, today);
        if (active.isEmpty()) {
            return Optional.of(new Refusal("no-subscription", "No subscription",
                    "There is no active subscription to renew; buy a benefit pack instead"));
        }
        Subscription current = active.get();
        if (subscriptions.stream().anyMatch(s -> !s.startsOn().isBefore(current.endsOn()))) {
            return Optional.of(new Refusal("already-renewed", "Already renewed",
                    "The " + current.level() + " subscription is already renewed from " + current.endsOn()));
        }
        if (!standings.hold(current.level(), today)) {
            return Optional.of(new Refusal("renewal-requirements-not-met", "Renewal requirements not met",
                    current.level().byDesignation() ? "Renewing SOLUTIONS_PARTNER needs a designation held and not at risk"
                            : "Renewing " + current.level() + " needs at least one competency attained at " + current.level()
                                    + " and not at risk"));
        }
        return Optional.empty();
    }

    /** M6 an active subscription whose level the requirements no longer hold. */
    public static boolean renewalAtRisk(Standings standings, Collection<Subscription> subscriptions,
            LocalDate today) {
        return active(subscriptions, today).filter(s -> !standings.hold(s.level(), today)).isPresent();
    }

    /**
     * The public business profile's competencies: Silver ones from SILVER, and Gold ones too for GOLD and
     * SOLUTIONS_PARTNER; the designations held only for SOLUTIONS_PARTNER (M7).
     */
    public record ProfileCompetencies(List<String> silver, List<String> gold, List<String> designations) {
    }

    public static ProfileCompetencies profile(MembershipLevel level, Standings standings, LocalDate today) {
        if (level == MembershipLevel.NETWORK_MEMBER) {
            return new ProfileCompetencies(List.of(), List.of(), List.of());
        }
        List<CompetencyStanding> competencies = standings.competencies();
        List<String> gold = competencies.stream().filter(s -> s.attains(MembershipLevel.GOLD, today))
                .map(CompetencyStanding::competencyId).sorted().toList();
        if (level == MembershipLevel.SILVER) {
            // a Silver member shows what it attained at Silver or higher, as Silver
            return new ProfileCompetencies(competencies.stream().filter(s -> s.attains(MembershipLevel.SILVER, today))
                    .map(CompetencyStanding::competencyId).sorted().toList(), List.of(), List.of());
        }
        List<String> silver = competencies.stream()
                .filter(s -> s.attains(MembershipLevel.SILVER, today) && !s.attains(MembershipLevel.GOLD, today))
                .map(CompetencyStanding::competencyId).sorted().toList();
        return new ProfileCompetencies(silver, gold,
                level.byDesignation() ? standings.heldDesignations() : List.of());
    }

    public static final String AT_RISK_ALERT =
            "A recent change to your competency achievement has put your membership renewal eligibility at risk";
}
