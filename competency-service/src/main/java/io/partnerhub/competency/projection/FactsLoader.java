package io.partnerhub.competency.projection;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.partnerhub.competency.domain.Facts;
import io.partnerhub.competency.domain.Holders;
import io.partnerhub.competency.domain.Metric;
import io.partnerhub.competency.domain.OrganizationFacts.Figure;
import io.partnerhub.competency.domain.RequirementVersion;

/**
 * K3b: reads for some organisations the bounded {@link Facts} that requirement versions need, set-based (a fixed
 * number of statements whatever the number of organisations in the batch):
 * <ul>
 * <li>per listed credential, its longest-lasting holders in the organisation, at most the skill set's sample size
 * ({@link Facts#sampleSize}: the largest requirement on it, at least 100), one index range each
 * ({@code credential_holders});</li>
 * <li>when a list was cut short, the exact number of holders: the count kept in {@code skill_holders}, less the
 * holders whose every listed holding passed its expiry without an expired event yet (an index range, usually
 * empty);</li>
 * <li>the performance figures of the last 13 months (by primary key), when a version has a performance requirement.</li>
 * </ul>
 * The work per organisation is bounded by the requirements' sizes, never by the number of members.
 */
@ApplicationScoped
public class FactsLoader {

    private final SkillIndex index;

    public FactsLoader(SkillIndex index) {
        this.index = index;
    }

    /** The facts of each organisation for these versions, as of {@code now}. */
    public Map<String, Facts> load(Collection<String> organizationIds, Collection<RequirementVersion> versions, Instant now) {
        Map<Set<String>, Integer> sizes = new HashMap<>();
        boolean figuresNeeded = false;
        for (RequirementVersion version : versions) {
            version.sampleSizes().forEach((set, size) -> sizes.merge(set, size, Math::max));
            figuresNeeded |= java.util.Arrays.stream(Metric.values()).anyMatch(version::mentions);
        }
        Map<String, Integer> perCredential = new HashMap<>();
        sizes.forEach((set, size) -> set.forEach(c -> perCredential.merge(c, size, Math::max)));
        List<String> organizations = List.copyOf(new HashSet<>(organizationIds));
        boolean withFigures = figuresNeeded;
        return index.work(connection -> {
            Array orgs = connection.createArrayOf("text", organizations.toArray());
            // organisation → credential → holders (one row per holding, longest-lasting first)
            Map<String, Map<String, List<Holders.Holder>>> rows = new HashMap<>();
            if (!perCredential.isEmpty()) {
                List<String> credentials = List.copyOf(perCredential.keySet());
                try (PreparedStatement sample = connection.prepareStatement("SELECT o.id, s.credential, s.candidate_id, s.expires_at"
                        + " FROM unnest(?::text[]) AS o(id) CROSS JOIN unnest(?::text[], ?::int[]) AS l(credential, size)"
                        + " CROSS JOIN LATERAL (SELECT c.credential, c.candidate_id, c.expires_at FROM credential c"
                        + " WHERE c.organization_id = o.id AND c.credential = l.credential AND c.active"
                        + " ORDER BY c.expires_at DESC NULLS FIRST, c.candidate_id LIMIT l.size) s")) {
                    sample.setArray(1, orgs);
                    sample.setArray(2, connection.createArrayOf("text", credentials.toArray()));
                    sample.setArray(3, connection.createArrayOf("integer", credentials.stream().map(perCredential::get).toArray()));
                    try (ResultSet result = sample.executeQuery()) {
                        while (result.next()) {
                            Timestamp until = result.getTimestamp(4);
                            rows.computeIfAbsent(result.getString(1), o -> new HashMap<>())
                                    .computeIfAbsent(result.getString(2), c -> new ArrayList<>())
                                    .add(new Holders.Holder(result.getString(3), result.getString(2),
                                            until == null ? null : until.toInstant()));
                        }
                    }
                }
            }
            Map<String, Map<Set<String>, Holders>> holders = new HashMap<>();
            Map<String, Set<Set<String>>> cut = new HashMap<>(); // organisation → skill sets whose list was cut short
            for (String organization : organizations) {
                Map<String, List<Holders.Holder>> byCredential = rows.getOrDefault(organization, Map.of());
                Map<Set<String>, Holders> sets = new HashMap<>();
                sizes.forEach((set, size) -> {
                    Map<String, Holders.Holder> best = new HashMap<>();
                    boolean complete = true;
                    for (String credential : set) {
                        List<Holders.Holder> list = byCredential.getOrDefault(credential, List.of());
                        complete &= list.size() < perCredential.get(credential);
                        list.forEach(h -> best.merge(h.candidateId(), h,
                                (a, b) -> Holders.LONGEST_LASTING.compare(a, b) <= 0 ? a : b));
                    }
                    List<Holders.Holder> sorted = best.values().stream().sorted(Holders.LONGEST_LASTING).limit(size).toList();
                    if (complete && best.size() <= size) {
                        sets.put(set, Holders.complete(sorted));
                    } else if (complete) { // every holder was read (another set wanted more of a credential): count them
                        sets.put(set, new Holders(sorted, false, best.values().stream().filter(h -> h.activeAt(now)).count(), now));
                    } else {
                        sets.put(set, new Holders(sorted, false, -1, now));
                        cut.computeIfAbsent(organization, o -> new HashSet<>()).add(set);
                    }
                });
                holders.put(organization, sets);
            }
            if (!cut.isEmpty()) {
                exactCounts(connection, cut, holders, now);
            }
            Map<String, List<Figure>> figures = new HashMap<>();
            if (withFigures) {
                try (PreparedStatement query = connection.prepareStatement("SELECT organization_id, metric, value, period_start,"
                        + " period_end, source, reported_at FROM performance_figure WHERE organization_id = ANY(?) AND period_end > ?")) {
                    query.setArray(1, orgs);
                    query.setObject(2, LocalDate.ofInstant(now, ZoneOffset.UTC).minusMonths(13));
                    try (ResultSet result = query.executeQuery()) {
                        while (result.next()) {
                            String organization = result.getString(1);
                            BigDecimal value = result.getBigDecimal(3);
                            LocalDate start = result.getObject(4, LocalDate.class);
                            LocalDate end = result.getObject(5, LocalDate.class);
                            String source = result.getString(6);
                            Instant reportedAt = result.getTimestamp(7).toInstant();
                            Metric.parse(result.getString(2)).ifPresent(m -> figures.computeIfAbsent(organization,
                                    o -> new ArrayList<>()).add(new Figure(m, value, start, end, source, reportedAt)));
                        }
                    }
                }
            }
            Map<String, Facts> facts = new HashMap<>();
            for (String organization : organizations) {
                facts.put(organization, new Loaded(holders.get(organization), figures.getOrDefault(organization, List.of())));
            }
            return facts;
        });
    }

    /** Holders active now of the sets whose list was cut: the kept count less those left only with expired holdings. */
    private static void exactCounts(java.sql.Connection connection, Map<String, Set<Set<String>>> cut,
            Map<String, Map<Set<String>, Holders>> holders, Instant now) throws java.sql.SQLException {
        List<String> organizations = List.copyOf(cut.keySet());
        Set<String> keys = new HashSet<>();
        Set<String> credentials = new HashSet<>();
        cut.values().forEach(sets -> sets.forEach(s -> {
            keys.add(SkillIndex.key(s));
            credentials.addAll(s);
        }));
        Map<String, Long> counts = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT organization_id, skill_set, holders FROM skill_holders"
                + " WHERE organization_id = ANY(?) AND skill_set = ANY(?)")) {
            query.setArray(1, connection.createArrayOf("text", organizations.toArray()));
            query.setArray(2, connection.createArrayOf("text", keys.toArray()));
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    counts.put(result.getString(1) + "\n" + result.getString(2), result.getLong(3));
                }
            }
        }
        // holdings still active by event but past their expiry: their holders' other listed holdings decide
        Map<String, Map<String, List<Holders.Holder>>> stale = new HashMap<>(); // organisation → candidate → holdings
        try (PreparedStatement query = connection.prepareStatement("SELECT e.organization_id, c.candidate_id, c.credential,"
                + " c.expires_at FROM credential e JOIN credential c ON c.candidate_id = e.candidate_id AND c.active"
                + " WHERE e.organization_id = ANY(?) AND e.credential = ANY(?) AND e.active AND e.expires_at <= ?")) {
            query.setArray(1, connection.createArrayOf("text", organizations.toArray()));
            query.setArray(2, connection.createArrayOf("text", credentials.toArray()));
            query.setTimestamp(3, Timestamp.from(now));
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    Timestamp until = result.getTimestamp(4);
                    stale.computeIfAbsent(result.getString(1), o -> new HashMap<>())
                            .computeIfAbsent(result.getString(2), c -> new ArrayList<>())
                            .add(new Holders.Holder(result.getString(2), result.getString(3), until == null ? null : until.toInstant()));
                }
            }
        }
        cut.forEach((organization, sets) -> {
            for (Set<String> set : sets) {
                long kept = counts.getOrDefault(organization + "\n" + SkillIndex.key(set), 0L);
                long expiredOnly = stale.getOrDefault(organization, Map.of()).values().stream()
                        .filter(holdings -> holdings.stream().anyMatch(h -> set.contains(h.credential())))
                        .filter(holdings -> holdings.stream().noneMatch(h -> set.contains(h.credential()) && h.activeAt(now)))
                        .count();
                Holders partial = holders.get(organization).get(set);
                holders.get(organization).put(set, new Holders(partial.longestLasting(), false,
                        Math.max(kept - expiredOnly, partial.longestLasting().stream().filter(h -> h.activeAt(now)).count()), now));
            }
        });
    }

    /** The facts read for one organisation; a skill set not read (no version asked for it) has no holders. */
    record Loaded(Map<Set<String>, Holders> sets, List<Figure> figures) implements Facts {
        @Override
        public Holders holders(Set<String> credentials) {
            Holders holders = sets.get(credentials);
            if (holders == null) {
                throw new IllegalStateException("skill set " + credentials + " was not loaded");
            }
            return holders;
        }
    }
}
