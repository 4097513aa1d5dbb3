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

    private static final String SAMPLE = "SELECT o.id, s.credential, s.candidate_id, s.expires_at"
            + " FROM unnest(?::text[]) AS o(id) CROSS JOIN unnest(?::text[], ?::int[]) AS l(credential, size)"
            + " CROSS JOIN LATERAL (SELECT c.credential, c.candidate_id, c.expires_at FROM credential c"
            + " WHERE c.organization_id = o.id AND c.credential = l.credential AND c.active"
            + " ORDER BY c.expires_at DESC NULLS FIRST, c.candidate_id LIMIT l.size) s";
    private static final String COUNTS = "SELECT organization_id, skill_set, holders FROM skill_holders"
            + " WHERE organization_id = ANY(?) AND skill_set = ANY(?)";
    /** Holdings still active by event but past their expiry, and their holders' other active holdings. */
    private static final String STALE = "SELECT e.organization_id, c.candidate_id, c.credential,"
            + " c.expires_at FROM credential e JOIN credential c ON c.candidate_id = e.candidate_id AND c.active"
            + " WHERE e.organization_id = ANY(?) AND e.credential = ANY(?) AND e.active AND e.expires_at <= ?";
    private static final String FIGURES = "SELECT organization_id, metric, value, period_start,"
            + " period_end, source, reported_at FROM performance_figure WHERE organization_id = ANY(?) AND period_end > ?";

    /** What the versions need read: the sample size of each skill set and credential, and whether figures. */
    private record Plan(Map<Set<String>, Integer> sizes, Map<String, Integer> perCredential, boolean figures) {

        static Plan of(Collection<RequirementVersion> versions) {
            Map<Set<String>, Integer> sizes = new HashMap<>();
            boolean figuresNeeded = false;
            for (RequirementVersion version : versions) {
                version.sampleSizes().forEach((set, size) -> sizes.merge(set, size, Math::max));
                figuresNeeded |= java.util.Arrays.stream(Metric.values()).anyMatch(version::mentions);
            }
            Map<String, Integer> perCredential = new HashMap<>();
            sizes.forEach((set, size) -> set.forEach(c -> perCredential.merge(c, size, Math::max)));
            return new Plan(sizes, perCredential, figuresNeeded);
        }

        List<String> credentials() {
            return List.copyOf(perCredential.keySet());
        }
    }

    /** The facts of each organisation for these versions, as of {@code now}. */
    public Map<String, Facts> load(Collection<String> organizationIds, Collection<RequirementVersion> versions, Instant now) {
        Plan plan = Plan.of(versions);
        List<String> organizations = List.copyOf(new HashSet<>(organizationIds));
        return index.work(connection -> {
            Array orgs = connection.createArrayOf("text", organizations.toArray());
            // organisation → credential → holders (one row per holding, longest-lasting first)
            Map<String, Map<String, List<Holders.Holder>>> rows = new HashMap<>();
            if (!plan.perCredential().isEmpty()) {
                try (PreparedStatement sample = connection.prepareStatement(SAMPLE)) {
                    bindSample(connection, sample, 1, orgs, plan);
                    try (ResultSet result = sample.executeQuery()) {
                        readSample(result, rows);
                    }
                }
            }
            Map<String, Map<Set<String>, Holders>> holders = new HashMap<>();
            Map<String, Set<Set<String>>> cut = holders(organizations, plan, rows, holders, now);
            if (!cut.isEmpty()) {
                exactCounts(connection, cut, holders, now);
            }
            Map<String, List<Figure>> figures = new HashMap<>();
            if (plan.figures()) {
                try (PreparedStatement query = connection.prepareStatement(FIGURES)) {
                    query.setArray(1, orgs);
                    query.setObject(2, since(now));
                    try (ResultSet result = query.executeQuery()) {
                        readFigures(result, figures);
                    }
                }
            }
            return facts(organizations, holders, figures);
        });
    }

    /**
     * Statements sent ahead of the facts' in {@link #loadOne}'s round trip (an event's holder count changes, its read
     * of the statuses it recomputes), with what reads their results.
     */
    public interface Ahead {
        /** One or more statements, separated by semicolons (no trailing one). */
        String sql();

        /** Binds its parameters from {@code index} on; returns the next index. */
        int bind(java.sql.Connection connection, PreparedStatement statement, int index) throws java.sql.SQLException;

        /** Reads its results: the statement stands at the first one; leaves it at the last one. */
        void read(java.sql.Statement statement) throws java.sql.SQLException;
    }

    /** Runs the statements alone (when there is nothing to read with them), in one round trip. */
    public void run(Ahead ahead) {
        index.work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(ahead.sql())) {
                ahead.bind(connection, statement, 1);
                statement.execute();
                ahead.read(statement);
            }
            return null;
        });
    }

    /**
     * Issue 25: as {@link #load} for one organisation, in one round trip after {@code ahead} (an event's holder count
     * changes and read of the statuses it recomputes): the sample, and always the kept counts and the stale holdings of
     * every set (a few index lookups, usually empty, instead of a second round trip when a list is cut short), and the
     * figures when needed.
     */
    public Facts loadOne(String organizationId, Collection<RequirementVersion> versions, Instant now, List<Ahead> ahead) {
        Plan plan = Plan.of(versions);
        List<String> organizations = List.of(organizationId);
        boolean sets = !plan.perCredential().isEmpty();
        StringBuilder sql = new StringBuilder(String.join(";\n", ahead.stream().map(Ahead::sql).toList()));
        if (sets) {
            sql.append(";\n").append(SAMPLE).append(";\n").append(COUNTS).append(";\n").append(STALE);
        }
        if (plan.figures()) {
            sql.append(";\n").append(FIGURES);
        }
        return index.work(connection -> {
            Array orgs = connection.createArrayOf("text", organizations.toArray());
            Map<String, Map<String, List<Holders.Holder>>> rows = new HashMap<>();
            Map<String, Long> counts = new HashMap<>();
            Map<String, Map<String, List<Holders.Holder>>> stale = new HashMap<>();
            Map<String, List<Figure>> figures = new HashMap<>();
            try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
                int p = 1;
                for (Ahead a : ahead) {
                    p = a.bind(connection, statement, p);
                }
                if (sets) {
                    p = bindSample(connection, statement, p, orgs, plan);
                    statement.setArray(p++, orgs);
                    statement.setArray(p++, connection.createArrayOf("text",
                            plan.sizes().keySet().stream().map(SkillIndex::key).toArray()));
                    statement.setArray(p++, orgs);
                    statement.setArray(p++, connection.createArrayOf("text", plan.credentials().toArray()));
                    statement.setTimestamp(p++, Timestamp.from(now));
                }
                if (plan.figures()) {
                    statement.setArray(p++, orgs);
                    statement.setObject(p, since(now));
                }
                statement.execute();
                for (int a = 0; a < ahead.size(); a++) {
                    if (a > 0) {
                        statement.getMoreResults();
                    }
                    ahead.get(a).read(statement);
                }
                if (sets) {
                    statement.getMoreResults();
                    try (ResultSet result = statement.getResultSet()) {
                        readSample(result, rows);
                    }
                    statement.getMoreResults();
                    try (ResultSet result = statement.getResultSet()) {
                        readCounts(result, counts);
                    }
                    statement.getMoreResults();
                    try (ResultSet result = statement.getResultSet()) {
                        readStale(result, stale);
                    }
                }
                if (plan.figures()) {
                    statement.getMoreResults();
                    try (ResultSet result = statement.getResultSet()) {
                        readFigures(result, figures);
                    }
                }
            }
            Map<String, Map<Set<String>, Holders>> holders = new HashMap<>();
            Map<String, Set<Set<String>>> cut = holders(organizations, plan, rows, holders, now);
            applyCounts(cut, holders, counts, stale, now);
            return facts(organizations, holders, figures).get(organizationId);
        });
    }

    private static LocalDate since(Instant now) {
        return LocalDate.ofInstant(now, ZoneOffset.UTC).minusMonths(13);
    }

    private static int bindSample(java.sql.Connection connection, PreparedStatement sample, int p, Array orgs, Plan plan)
            throws java.sql.SQLException {
        List<String> credentials = plan.credentials();
        sample.setArray(p, orgs);
        sample.setArray(p + 1, connection.createArrayOf("text", credentials.toArray()));
        sample.setArray(p + 2, connection.createArrayOf("integer", credentials.stream().map(plan.perCredential()::get).toArray()));
        return p + 3;
    }

    private static void readSample(ResultSet result, Map<String, Map<String, List<Holders.Holder>>> rows) throws java.sql.SQLException {
        while (result.next()) {
            Timestamp until = result.getTimestamp(4);
            rows.computeIfAbsent(result.getString(1), o -> new HashMap<>())
                    .computeIfAbsent(result.getString(2), c -> new ArrayList<>())
                    .add(new Holders.Holder(result.getString(3), result.getString(2), until == null ? null : until.toInstant()));
        }
    }

    private static void readFigures(ResultSet result, Map<String, List<Figure>> figures) throws java.sql.SQLException {
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

    /**
     * Each organisation's holders of each skill set from the sample rows (into {@code holders}); returns the sets whose
     * list was cut short, by organisation (their exact count is still to be read).
     */
    private static Map<String, Set<Set<String>>> holders(List<String> organizations, Plan plan,
            Map<String, Map<String, List<Holders.Holder>>> rows, Map<String, Map<Set<String>, Holders>> holders, Instant now) {
        Map<String, Set<Set<String>>> cut = new HashMap<>(); // organisation → skill sets whose list was cut short
        for (String organization : organizations) {
            Map<String, List<Holders.Holder>> byCredential = rows.getOrDefault(organization, Map.of());
            Map<Set<String>, Holders> sets = new HashMap<>();
            plan.sizes().forEach((set, size) -> {
                Map<String, Holders.Holder> best = new HashMap<>();
                boolean complete = true;
                for (String credential : set) {
                    List<Holders.Holder> list = byCredential.getOrDefault(credential, List.of());
                    complete &= list.size() < plan.perCredential().get(credential);
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
        return cut;
    }

    private static Map<String, Facts> facts(List<String> organizations, Map<String, Map<Set<String>, Holders>> holders,
            Map<String, List<Figure>> figures) {
        Map<String, Facts> facts = new HashMap<>();
        for (String organization : organizations) {
            facts.put(organization, new Loaded(holders.get(organization), figures.getOrDefault(organization, List.of())));
        }
        return facts;
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
        try (PreparedStatement query = connection.prepareStatement(COUNTS)) {
            query.setArray(1, connection.createArrayOf("text", organizations.toArray()));
            query.setArray(2, connection.createArrayOf("text", keys.toArray()));
            try (ResultSet result = query.executeQuery()) {
                readCounts(result, counts);
            }
        }
        // holdings still active by event but past their expiry: their holders' other listed holdings decide
        Map<String, Map<String, List<Holders.Holder>>> stale = new HashMap<>(); // organisation → candidate → holdings
        try (PreparedStatement query = connection.prepareStatement(STALE)) {
            query.setArray(1, connection.createArrayOf("text", organizations.toArray()));
            query.setArray(2, connection.createArrayOf("text", credentials.toArray()));
            query.setTimestamp(3, Timestamp.from(now));
            try (ResultSet result = query.executeQuery()) {
                readStale(result, stale);
            }
        }
        applyCounts(cut, holders, counts, stale, now);
    }

    private static void readCounts(ResultSet result, Map<String, Long> counts) throws java.sql.SQLException {
        while (result.next()) {
            counts.put(result.getString(1) + "\n" + result.getString(2), result.getLong(3));
        }
    }

    private static void readStale(ResultSet result, Map<String, Map<String, List<Holders.Holder>>> stale) throws java.sql.SQLException {
        while (result.next()) {
            Timestamp until = result.getTimestamp(4);
            stale.computeIfAbsent(result.getString(1), o -> new HashMap<>())
                    .computeIfAbsent(result.getString(2), c -> new ArrayList<>())
                    .add(new Holders.Holder(result.getString(2), result.getString(3), until == null ? null : until.toInstant()));
        }
    }

    private static void applyCounts(Map<String, Set<Set<String>>> cut, Map<String, Map<Set<String>, Holders>> holders,
            Map<String, Long> counts, Map<String, Map<String, List<Holders.Holder>>> stale, Instant now) {
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
