package io.partnerhub.membership.membership;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import io.partnerhub.chassis.problem.Conflict;
import io.partnerhub.chassis.problem.ResourceNotFound;
import io.partnerhub.membership.activity.ActivityLog;
import io.partnerhub.membership.domain.ActivityKind;
import io.partnerhub.membership.domain.CompetencyChange;
import io.partnerhub.membership.domain.CompetencyStanding;
import io.partnerhub.membership.domain.DesignationChange;
import io.partnerhub.membership.domain.MembershipLevel;
import io.partnerhub.membership.domain.MembershipRules;
import io.partnerhub.membership.domain.MembershipRules.Refusal;
import io.partnerhub.membership.domain.Standings;
import io.partnerhub.membership.domain.Subscription;
import io.partnerhub.membership.events.CompetencyEventData;
import io.partnerhub.membership.events.DesignationEventData;
import io.partnerhub.membership.membership.MembershipViews.AlertView;
import io.partnerhub.membership.membership.MembershipViews.CompetencyView;
import io.partnerhub.membership.membership.MembershipViews.DesignationView;
import io.partnerhub.membership.membership.MembershipViews.MembershipView;
import io.partnerhub.membership.membership.MembershipViews.ProfileView;
import io.partnerhub.membership.membership.MembershipViews.SubscriptionView;
import io.partnerhub.membership.organization.Organization;
import io.partnerhub.membership.organization.OrganizationRepository;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.logging.Log;

/** M5/M6/M7 memberships: competency and designation standings from competency-events, purchases, renewals, alerts and the profile. */
@ApplicationScoped
public class MembershipService {

    private final OrganizationRepository organizations;
    private final ActivityLog activity;
    private final DesignationStandings designations;
    private final Clock clock;

    public MembershipService(OrganizationRepository organizations, ActivityLog activity, DesignationStandings designations,
            Clock clock) {
        this.organizations = organizations;
        this.activity = activity;
        this.designations = designations;
        this.clock = clock;
    }

    public MembershipView view(UUID organizationId) {
        organization(organizationId);
        LocalDate today = today();
        List<CompetencyStandingRow> rows = standingRows(organizationId);
        List<DesignationStandingRow> designationRows = designations.rows(organizationId);
        Standings standings = new Standings(rows.stream().map(MembershipService::standing).toList(),
                designationRows.stream().map(DesignationStandingRow::toDomain).toList());
        List<Subscription> subscriptions = subscriptions(organizationId);
        Optional<Subscription> active = MembershipRules.active(subscriptions, today);
        Optional<Subscription> renewal = active.flatMap(a -> subscriptions.stream()
                .filter(s -> !s.startsOn().isBefore(a.endsOn())).min(Comparator.comparing(Subscription::startsOn)));
        MembershipLevel level = MembershipRules.displayedLevel(subscriptions, today);
        List<AlertView> alerts = rows.stream().filter(r -> r.atRisk)
                .map(r -> new AlertView(r.competencyId, r.level, alertMessage(r), reasons(r), r.atRiskSince)).toList();
        return new MembershipView(organizationId, level, active.map(MembershipService::view).orElse(null),
                renewal.map(MembershipService::view).orElse(null),
                MembershipRules.renewalAtRisk(standings, subscriptions, today), alerts, level.benefits(),
                standings.competencies().stream().map(s -> new CompetencyView(s.competencyId(), s.level(), s.validUntil(),
                        s.atRisk(), s.reasons())).toList(),
                designationRows.stream().map(d -> new DesignationView(d.solutionAreaId, d.name, d.held, d.atRisk, d.track,
                        d.score, d.holdsUntil, d.atRiskSince)).toList());
    }

    /**
     * M5/M7 buys a 12-month benefit pack from today; an upgrade from SILVER to GOLD, or a switch to SOLUTIONS_PARTNER,
     * ends the running one today.
     */
    @Transactional
    public MembershipView purchase(UUID organizationId, MembershipLevel level) {
        lock(organizationId);
        LocalDate today = today();
        List<SubscriptionRow> rows = subscriptionRows(organizationId);
        List<Subscription> subscriptions = rows.stream().map(SubscriptionRow::toDomain).toList();
        Standings standings = standings(organizationId);
        MembershipRules.purchase(level, standings, subscriptions, today).ifPresent(MembershipService::refuse);
        rows.stream().filter(r -> r.toDomain().activeOn(today)).forEach(r -> r.endsOn = today);
        Subscription bought = Subscription.starting(level, today);
        store(organizationId, bought, "PURCHASE");
        activity.record(organizationId, ActivityKind.MEMBERSHIP_PURCHASED, "Bought " + level + " from " + bought.startsOn()
                + " to " + bought.endsOn(), "level", level, "startsOn", bought.startsOn(), "endsOn", bought.endsOn());
        Log.infof("Organization %s bought %s from %s", organizationId, level, today);
        return view(organizationId);
    }

    /** M6 renews the active subscription's level for 12 months from its end, if the requirements hold now. */
    @Transactional
    public MembershipView renew(UUID organizationId) {
        lock(organizationId);
        LocalDate today = today();
        List<Subscription> subscriptions = subscriptions(organizationId);
        MembershipRules.renewal(standings(organizationId), subscriptions, today).ifPresent(MembershipService::refuse);
        Subscription current = MembershipRules.active(subscriptions, today).orElseThrow();
        Subscription renewal = Subscription.starting(current.level(), current.endsOn());
        store(organizationId, renewal, "RENEWAL");
        activity.record(organizationId, ActivityKind.MEMBERSHIP_RENEWED, "Renewed " + renewal.level() + " from "
                + renewal.startsOn() + " to " + renewal.endsOn(), "level", renewal.level(), "startsOn",
                renewal.startsOn(), "endsOn", renewal.endsOn());
        Log.infof("Organization %s renewed %s from %s", organizationId, current.level(), current.endsOn());
        return view(organizationId);
    }

    public ProfileView profile(UUID organizationId) {
        Organization organization = organization(organizationId);
        LocalDate today = today();
        MembershipLevel level = MembershipRules.displayedLevel(subscriptions(organizationId), today);
        MembershipRules.ProfileCompetencies competencies = MembershipRules.profile(level, standings(organizationId), today);
        return new ProfileView(organization.id, organization.name, organization.country, level, competencies.silver(),
                competencies.gold(), competencies.designations());
    }

    /**
     * M6 applies a competency event. Events older than what is known of that competency (by CloudEvent time) are
     * skipped; an organisation this service does not know is skipped too (logged).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(CompetencyChange change, CompetencyEventData data, Instant eventTime) {
        UUID organizationId = data.organizationUuid();
        if (organizations.findByIdOptional(organizationId).isEmpty()) {
            Log.warnf("Competency event %s for unknown organization %s skipped", change, organizationId);
            return;
        }
        Instant asOf = eventTime != null ? eventTime : clock.instant();
        CompetencyStandingRow row = Panache.getEntityManager().find(CompetencyStandingRow.class,
                new CompetencyStandingRow.Key(organizationId, data.competencyId()), LockModeType.PESSIMISTIC_WRITE);
        if (row != null && row.asOf.isAfter(asOf)) {
            Log.infof("Competency event %s for %s/%s older than what is known, skipped", change, organizationId,
                    data.competencyId());
            return;
        }
        CompetencyStanding after = change.apply(row == null ? null : standing(row), data.competencyId(), data.levelValue(),
                data.validUntilDate(), data.reasons());
        if (row == null) {
            row = new CompetencyStandingRow();
            row.organizationId = organizationId;
            row.competencyId = data.competencyId();
        }
        if (after.atRisk() && (row.atRiskSince == null || !row.atRisk)) {
            row.atRiskSince = asOf;
        } else if (!after.atRisk()) {
            row.atRiskSince = null;
        }
        row.level = after.level();
        row.validUntil = after.validUntil();
        row.atRisk = after.atRisk();
        row.reasons = after.reasons();
        row.asOf = asOf;
        Panache.getEntityManager().persist(row);
        Log.infof("Competency %s of organization %s: %s (level %s%s)", data.competencyId(), organizationId, change,
                after.level(), after.atRisk() ? ", at risk" : "");
    }

    /** M7 applies a designation event (see {@link DesignationStandings#apply}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(DesignationChange change, DesignationEventData data, Instant eventTime) {
        designations.apply(change, data, eventTime);
    }

    static String alertMessage(CompetencyStandingRow row) {
        List<String> reasons = reasons(row);
        return MembershipRules.AT_RISK_ALERT + ": competency " + row.competencyId + " (" + row.level + ")"
                + (reasons.isEmpty() ? "" : " — " + String.join("; ", reasons));
    }

    private static void refuse(Refusal refusal) {
        throw new Conflict(refusal.slug(), refusal.title(), refusal.detail());
    }

    private void store(UUID organizationId, Subscription subscription, String kind) {
        SubscriptionRow row = new SubscriptionRow();
        row.id = UUID.randomUUID();
        row.organizationId = organizationId;
        row.level = subscription.level();
        row.startsOn = subscription.startsOn();
        row.endsOn = subscription.endsOn();
        row.kind = kind;
        row.createdAt = clock.instant();
        Panache.getEntityManager().persist(row);
        Panache.getEntityManager().flush();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private Organization organization(UUID organizationId) {
        return organizations.findByIdOptional(organizationId)
                .orElseThrow(() -> new ResourceNotFound("organization", organizationId.toString()));
    }

    private void lock(UUID organizationId) {
        if (organizations.findById(organizationId, LockModeType.PESSIMISTIC_WRITE) == null) {
            throw new ResourceNotFound("organization", organizationId.toString());
        }
    }

    private List<CompetencyStandingRow> standingRows(UUID organizationId) {
        return Panache.getEntityManager().createQuery(
                "from CompetencyStandingRow where organizationId = :o order by competencyId", CompetencyStandingRow.class)
                .setParameter("o", organizationId).getResultList();
    }

    private Standings standings(UUID organizationId) {
        return new Standings(standingRows(organizationId).stream().map(MembershipService::standing).toList(),
                designations.of(organizationId));
    }

    private List<SubscriptionRow> subscriptionRows(UUID organizationId) {
        return Panache.getEntityManager().createQuery(
                "from SubscriptionRow where organizationId = :o order by startsOn", SubscriptionRow.class)
                .setParameter("o", organizationId).getResultList();
    }

    private List<Subscription> subscriptions(UUID organizationId) {
        return subscriptionRows(organizationId).stream().map(SubscriptionRow::toDomain).toList();
    }

    private static CompetencyStanding standing(CompetencyStandingRow r) {
        return new CompetencyStanding(r.competencyId, r.level, r.validUntil, r.atRisk, reasons(r));
    }

    private static SubscriptionView view(Subscription s) {
        return new SubscriptionView(s.level(), s.startsOn(), s.endsOn());
    }

    private static List<String> reasons(CompetencyStandingRow r) {
        return r.reasons == null ? List.of() : r.reasons;
    }
}
