package io.partnerhub.competency.projection;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import io.quarkus.logging.Log;

/**
 * K3b: the skill sets of the catalogue (the credentials one skill requirement lists), the index credential → skill
 * sets, and per organisation and skill set the number of members holding one of them ({@code skill_holders}). The
 * counts are kept by every projection change of a candidate ({@link #adjust}: a few rows, whatever the size of the
 * organisation) and computed once for a skill set when a requirement version first lists it ({@link #register}).
 * Events hold a shared lock of the index while they adjust, a registration the exclusive one, so that no change is
 * counted twice or missed while a new set is being counted.
 */
@ApplicationScoped
public class SkillIndex {

    private static final String LOCK = "SELECT pg_advisory_xact_lock%s(hashtext('competency-skill-index'), 0)";

    private final EntityManager em;

    public SkillIndex(EntityManager em) {
        this.em = em;
    }

    /** The key of a skill set: SHA-256 of its sorted credential ids. */
    public static String key(Collection<String> credentials) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(String.join("\n", new TreeSet<>(credentials))
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The keys of a version's skill sets. */
    public static List<String> keys(io.partnerhub.competency.domain.RequirementVersion version) {
        return version.sampleSizes().keySet().stream().map(SkillIndex::key).sorted().toList();
    }

    /**
     * Makes the skill sets known (idempotent); a set seen for the first time is counted for every organisation in one
     * set-based statement. Call in the transaction that stores the requirement version (or at startup).
     */
    public void register(Collection<Set<String>> sets, Instant now) {
        Map<String, Set<String>> missing = new TreeMap<>();
        for (Set<String> set : sets) {
            missing.put(key(set), set);
        }
        if (missing.isEmpty()) {
            return;
        }
        List<?> known = em.createNativeQuery("SELECT key FROM skill_set WHERE key IN (:keys)")
                .setParameter("keys", missing.keySet()).getResultList();
        known.forEach(k -> missing.remove((String) k));
        if (missing.isEmpty()) {
            return;
        }
        em.createNativeQuery(LOCK.formatted("")).getSingleResult();
        work(connection -> {
            for (Map.Entry<String, Set<String>> entry : missing.entrySet()) {
                Array credentials = connection.createArrayOf("text", entry.getValue().toArray());
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO skill_set (key, credentials, created_at)"
                        + " VALUES (?, ?, ?) ON CONFLICT (key) DO NOTHING")) {
                    insert.setString(1, entry.getKey());
                    insert.setArray(2, credentials);
                    insert.setTimestamp(3, Timestamp.from(now));
                    if (insert.executeUpdate() == 0) {
                        continue; // another instance registered it meanwhile
                    }
                }
                try (PreparedStatement index = connection.prepareStatement("INSERT INTO skill_set_credential (credential, skill_set)"
                        + " SELECT unnest(?::text[]), ?")) {
                    index.setArray(1, credentials);
                    index.setString(2, entry.getKey());
                    index.executeUpdate();
                }
                try (PreparedStatement count = connection.prepareStatement("INSERT INTO skill_holders (organization_id, skill_set, holders)"
                        + " SELECT organization_id, ?, count(DISTINCT candidate_id) FROM credential"
                        + " WHERE active AND organization_id IS NOT NULL AND credential = ANY(?) GROUP BY organization_id")) {
                    count.setString(1, entry.getKey());
                    count.setArray(2, credentials);
                    int organizations = count.executeUpdate();
                    Log.infof("Skill set %s (%s) counted for %d organisations", entry.getKey().substring(0, 12),
                            String.join(", ", entry.getValue()), organizations);
                }
            }
            return null;
        });
    }

    /**
     * One candidate changed (credentials ended or added, or moved between organisations): adjusts the counts of the
     * skill sets that list any of the credentials concerned, in one round trip ({@link #adjustment}).
     *
     * @param before the organisation and the active credentials before the change (organisation null: none)
     * @param after the same after the change
     */
    public void adjust(String organizationBefore, Set<String> before, String organizationAfter, Set<String> after) {
        adjustment(organizationBefore, before, organizationAfter, after).ifPresent(adjustment -> work(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(adjustment.sql())) {
                adjustment.bind(connection, statement, 1);
                statement.execute();
                adjustment.read(statement);
            }
            return null;
        }));
    }

    /**
     * The statements of {@link #adjust} (empty: nothing to adjust), for a caller that sends them with its reads (issue
     * 25: {@link FactsLoader#loadOne}): three statements, the index's shared lock, then the decrements and the
     * increments, each computed in SQL from the index (a set counts -1 in the organisation before when it lists a
     * credential held before, +1 in the organisation after when it lists one held after). Both organisations are locked
     * by the caller, so no other change counts their rows meanwhile.
     */
    public java.util.Optional<FactsLoader.Ahead> adjustment(String organizationBefore, Set<String> before, String organizationAfter,
            Set<String> after) {
        Set<String> credentials = new HashSet<>(before);
        credentials.addAll(after);
        if (credentials.isEmpty() || organizationBefore == null && organizationAfter == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new FactsLoader.Ahead() {
            @Override
            public String sql() {
                return LOCK.formatted("_shared") + ";"
                        + " WITH " + DELTAS + " UPDATE skill_holders h SET holders = greatest(h.holders + d.delta, 0) FROM d"
                        + " WHERE d.delta < 0 AND h.organization_id = d.organization_id AND h.skill_set = d.skill_set;"
                        + " WITH " + DELTAS + " INSERT INTO skill_holders (organization_id, skill_set, holders)"
                        + " SELECT organization_id, skill_set, delta FROM d WHERE delta > 0 ORDER BY organization_id, skill_set"
                        + " ON CONFLICT (organization_id, skill_set) DO UPDATE SET holders = skill_holders.holders + excluded.holders";
            }

            @Override
            public int bind(java.sql.Connection connection, PreparedStatement statement, int index) throws java.sql.SQLException {
                Array all = connection.createArrayOf("text", credentials.toArray());
                Array held = connection.createArrayOf("text", before.toArray());
                Array holds = connection.createArrayOf("text", after.toArray());
                for (int offset : new int[] { index, index + 5 }) {
                    statement.setArray(offset, held);
                    statement.setArray(offset + 1, holds);
                    statement.setArray(offset + 2, all);
                    statement.setString(offset + 3, organizationBefore);
                    statement.setString(offset + 4, organizationAfter);
                }
                return index + 10;
            }

            @Override
            public void read(java.sql.Statement statement) throws java.sql.SQLException {
                statement.getMoreResults(); // the lock's row, then the decrements' count, then the increments'
                statement.getMoreResults();
            }
        });
    }

    /** The count changes of {@link #adjust} (parameters: before, after, all credentials, organisation before, after). */
    private static final String DELTAS = "l AS (SELECT skill_set, bool_or(credential = ANY(?)) AS held, bool_or(credential = ANY(?))"
            + " AS holds FROM skill_set_credential WHERE credential = ANY(?) GROUP BY skill_set),"
            + " d AS (SELECT organization_id, skill_set, sum(delta) AS delta FROM (SELECT CAST(? AS text) AS organization_id,"
            + " skill_set, -1 AS delta FROM l WHERE held UNION ALL SELECT CAST(? AS text), skill_set, 1 FROM l WHERE holds) x"
            + " WHERE organization_id IS NOT NULL GROUP BY organization_id, skill_set)";

    <T> T work(org.hibernate.jdbc.ReturningWork<T> work) {
        return em.unwrap(Session.class).doReturningWork(work);
    }

    static List<String> strings(ResultSet rows, int column) throws java.sql.SQLException {
        List<String> list = new ArrayList<>();
        while (rows.next()) {
            list.add(Objects.requireNonNull(rows.getString(column)));
        }
        return list;
    }
}
