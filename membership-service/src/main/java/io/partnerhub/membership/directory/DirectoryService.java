package io.partnerhub.membership.directory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;

import io.partnerhub.chassis.problem.ResourceNotFound;
import io.partnerhub.membership.activity.ActivityLog;
import io.partnerhub.membership.domain.ActivityKind;
import io.partnerhub.membership.domain.CompetencyLevel;
import io.partnerhub.membership.domain.CompetencyStanding;
import io.partnerhub.membership.domain.MembershipRules;
import io.partnerhub.membership.domain.PartnerDirectory;
import io.partnerhub.membership.directory.DirectoryViews.DirectoryEntry;
import io.partnerhub.membership.directory.DirectoryViews.ListingView;
import io.partnerhub.membership.membership.CompetencyStandingRow;
import io.partnerhub.membership.membership.DesignationStandingRow;
import io.partnerhub.membership.membership.SubscriptionRow;
import io.partnerhub.membership.organization.Organization;
import io.quarkus.logging.Log;

/** Issue 27: the directory listing setting and the public directory's search (listed organisations only). */
@ApplicationScoped
public class DirectoryService {

    /** name part (any case, {@code %}/{@code _} literal) or exact MPN id; country; competency; designation. */
    public record Search(String q, String country, String competency, String designation) {

        String where() {
            StringBuilder where = new StringBuilder("o.listedInDirectory = true");
            if (present(q)) {
                where.append(" and (lower(o.name) like :name escape '\\' or o.mpnId = :mpnId)");
            }
            if (present(country)) {
                where.append(" and o.country = :country");
            }
            if (present(competency)) {
                where.append(" and exists (select 1 from CompetencyStandingRow c where c.organizationId = o.id"
                        + " and c.competencyId = :competency and c.level in (:attained)"
                        + " and (c.validUntil is null or c.validUntil >= :today))");
            }
            if (present(designation)) {
                where.append(" and exists (select 1 from DesignationStandingRow d where d.organizationId = o.id"
                        + " and d.solutionAreaId = :designation and d.held = true)");
            }
            return where.toString();
        }

        <T> TypedQuery<T> bind(TypedQuery<T> query, LocalDate today) {
            if (present(q)) {
                String escaped = q.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
                query.setParameter("name", "%" + escaped + "%").setParameter("mpnId", q.trim());
            }
            if (present(country)) {
                query.setParameter("country", country.trim().toUpperCase(Locale.ROOT));
            }
            if (present(competency)) {
                query.setParameter("competency", competency.trim()).setParameter("today", today)
                        .setParameter("attained", List.of(CompetencyLevel.SILVER, CompetencyLevel.GOLD));
            }
            if (present(designation)) {
                query.setParameter("designation", designation.trim());
            }
            return query;
        }

        private static boolean present(String s) {
            return s != null && !s.isBlank();
        }
    }

    private final EntityManager em;
    private final ActivityLog activity;
    private final Clock clock;

    public DirectoryService(EntityManager em, ActivityLog activity, Clock clock) {
        this.em = em;
        this.activity = activity;
        this.clock = clock;
    }

    public ListingView listing(UUID organizationId) {
        return listingOf(organization(organizationId));
    }

    /**
     * Sets the listing; the same value again changes nothing (no log entry). The organisation row is locked first, so a
     * second request at the same moment waits and then finds the value already set (not an optimistic-lock failure at
     * commit).
     */
    @Transactional
    public ListingView changeListing(UUID organizationId, boolean listed) {
        Organization o = em.find(Organization.class, organizationId, LockModeType.PESSIMISTIC_WRITE);
        if (o == null) {
            throw new ResourceNotFound("organization", organizationId.toString());
        }
        if (o.listedInDirectory != listed) {
            o.listedInDirectory = listed;
            o.listingChangedAt = clock.instant();
            activity.record(organizationId, ActivityKind.DIRECTORY_LISTING_CHANGED,
                    listed ? "Listed in the public partner directory" : "Removed from the public partner directory",
                    "listed", listed);
            Log.infof("Organization %s directory listing %s", organizationId, listed ? "on" : "off");
        }
        return listingOf(o);
    }

    private ListingView listingOf(Organization o) {
        return new ListingView(o.id, o.listedInDirectory, o.listingChangedAt, entries(List.of(o), today()).get(0));
    }

    public List<DirectoryEntry> search(Search search, int firstResult, int size) {
        LocalDate today = today();
        List<Organization> page = search.bind(em.createQuery("select o from Organization o where " + search.where()
                + " order by lower(o.name), o.id", Organization.class), today)
                .setFirstResult(firstResult).setMaxResults(size).getResultList();
        return entries(page, today);
    }

    public long count(Search search) {
        return search.bind(em.createQuery("select count(o) from Organization o where " + search.where(), Long.class),
                today()).getSingleResult();
    }

    /** A listed organisation's entry; 404 for one that is not listed or does not exist (the same answer). */
    public DirectoryEntry entry(UUID id) {
        Organization o = em.find(Organization.class, id);
        if (o == null || !o.listedInDirectory) {
            throw new ResourceNotFound("partner", id.toString());
        }
        return entries(List.of(o), today()).get(0);
    }

    /** One query per kind of standing for the whole page, not per organisation. */
    private List<DirectoryEntry> entries(List<Organization> page, LocalDate today) {
        if (page.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = page.stream().map(o -> o.id).toList();
        Map<UUID, List<CompetencyStandingRow>> competencies = em.createQuery(
                "from CompetencyStandingRow where organizationId in :ids", CompetencyStandingRow.class)
                .setParameter("ids", ids).getResultStream().collect(Collectors.groupingBy(r -> r.organizationId));
        Map<UUID, List<DesignationStandingRow>> designations = em.createQuery(
                "from DesignationStandingRow where organizationId in :ids", DesignationStandingRow.class)
                .setParameter("ids", ids).getResultStream().collect(Collectors.groupingBy(r -> r.organizationId));
        Map<UUID, List<SubscriptionRow>> subscriptions = em.createQuery(
                "from SubscriptionRow where organizationId in :ids", SubscriptionRow.class)
                .setParameter("ids", ids).getResultStream().collect(Collectors.groupingBy(r -> r.organizationId));
        return page.stream().map(o -> new DirectoryEntry(o.id, o.name, o.country,
                MembershipRules.displayedLevel(subscriptions.getOrDefault(o.id, List.of()).stream()
                        .map(SubscriptionRow::toDomain).toList(), today),
                PartnerDirectory.competencies(competencies.getOrDefault(o.id, List.of()).stream()
                        .map(r -> new CompetencyStanding(r.competencyId, r.level, r.validUntil, r.atRisk, List.of()))
                        .toList(), today),
                PartnerDirectory.designations(designations.getOrDefault(o.id, List.of()).stream()
                        .map(DesignationStandingRow::toDomain).toList()))).toList();
    }

    private Organization organization(UUID id) {
        Organization o = em.find(Organization.class, id);
        if (o == null) {
            throw new ResourceNotFound("organization", id.toString());
        }
        return o;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
