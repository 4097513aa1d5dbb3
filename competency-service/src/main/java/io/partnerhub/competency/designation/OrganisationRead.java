package io.partnerhub.competency.designation;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.persistence.EntityManager;

import org.hibernate.Session;

/**
 * What a designation evaluation reads of one organisation before it knows which areas it evaluates (issue 25): its
 * status and specialisation rows, its facts that can matter from the earliest day an area judges (as
 * {@link DesignationFacts#load} for each area, from the earliest day any of them judges, computed from the status rows in the same statement) and the kept holder
 * counts of the skill sets, sent as four statements in one round trip (PostgreSQL runs them one after the other, each
 * with its own snapshot, as four round trips would).
 *
 * @param holders by skill set key; a set not registered yet is absent
 */
record OrganisationRead(List<DesignationStore.StatusRow> statuses, List<DesignationStore.SpecialisationRow> specialisations,
        List<DesignationFacts.ScopedRow> facts, Map<String, Long> holders) {

    private static final String SQL = "SELECT organization_id, solution_area_id, state, track, score_tenths, qualifies_today,"
            + " score_version, last_evaluated, updated_at FROM designation_status WHERE organization_id = ? ORDER BY solution_area_id;"
            + " SELECT specialisation_id, solution_area_id, name, state, have, need FROM specialisation_status"
            + " WHERE organization_id = ? ORDER BY specialisation_id;"
            // the earliest day judged: the window's first day when an area has no status yet, else the day after the last evaluated
            + " WITH s AS (SELECT CASE WHEN count(*) < ? THEN least(CAST(? AS date), coalesce(min(CASE WHEN last_evaluated >= CAST(? AS date)"
            + " THEN CAST(? AS date) ELSE last_evaluated + 1 END), CAST(? AS date))) ELSE min(CASE WHEN last_evaluated >= CAST(? AS date)"
            + " THEN CAST(? AS date) ELSE last_evaluated + 1 END) END AS since FROM designation_status WHERE organization_id = ?"
            + " AND solution_area_id = ANY(?)), h AS (SELECT CAST(since - interval '" + DesignationFacts.HORIZON_MONTHS + " months' AS date)"
            + " AS horizon FROM s)"
            + " SELECT scope, figure, effective, period, value, recorded_at FROM designation_fact, h WHERE organization_id = ?"
            + " AND scope = ANY(?) AND effective > h.horizon UNION ALL SELECT * FROM (SELECT DISTINCT ON (scope, figure) scope, figure,"
            + " effective, period, value, recorded_at FROM designation_fact, h WHERE organization_id = ? AND scope = ANY(?)"
            + " AND effective <= h.horizon AND period = '' ORDER BY scope, figure, effective DESC, recorded_at DESC) latest;"
            + " SELECT k.key, coalesce(h.holders, 0) FROM unnest(?) AS k(key) JOIN skill_set s ON s.key = k.key"
            + " LEFT JOIN skill_holders h ON h.organization_id = ? AND h.skill_set = k.key";

    /**
     * @param areaIds the areas in effect today
     * @param windowFrom the first day of today's qualification window
     */
    static OrganisationRead of(EntityManager em, String organizationId, Collection<String> areaIds, LocalDate today,
            LocalDate windowFrom, Collection<String> skillSetKeys) {
        return em.unwrap(Session.class).doReturningWork(connection -> read(connection, organizationId, areaIds, today, windowFrom,
                skillSetKeys));
    }

    private static OrganisationRead read(Connection connection, String organizationId, Collection<String> areaIds, LocalDate today,
            LocalDate windowFrom, Collection<String> skillSetKeys) throws SQLException {
        Array areas = connection.createArrayOf("text", areaIds.toArray());
        List<String> scopeList = new ArrayList<>(areaIds);
        scopeList.add("");
        Array scopes = connection.createArrayOf("text", scopeList.toArray());
        List<DesignationStore.StatusRow> statuses = new ArrayList<>();
        List<DesignationStore.SpecialisationRow> specialisations = new ArrayList<>();
        List<DesignationFacts.ScopedRow> facts = new ArrayList<>();
        Map<String, Long> holders = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(SQL)) {
            int p = 1;
            statement.setString(p++, organizationId);
            statement.setString(p++, organizationId);
            statement.setInt(p++, areaIds.size());
            statement.setObject(p++, windowFrom);
            statement.setObject(p++, today);
            statement.setObject(p++, today);
            statement.setObject(p++, windowFrom);
            statement.setObject(p++, today);
            statement.setObject(p++, today);
            statement.setString(p++, organizationId);
            statement.setArray(p++, areas);
            statement.setString(p++, organizationId);
            statement.setArray(p++, scopes);
            statement.setString(p++, organizationId);
            statement.setArray(p++, scopes);
            statement.setArray(p++, connection.createArrayOf("text", skillSetKeys.toArray()));
            statement.setString(p, organizationId);
            statement.execute();
            try (ResultSet rows = statement.getResultSet()) {
                while (rows.next()) {
                    statuses.add(new DesignationStore.StatusRow(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getInt(5), rows.getBoolean(6), rows.getString(7),
                            rows.getObject(8, LocalDate.class), instant(rows.getTimestamp(9))));
                }
            }
            statement.getMoreResults();
            try (ResultSet rows = statement.getResultSet()) {
                while (rows.next()) {
                    specialisations.add(new DesignationStore.SpecialisationRow(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getString(4), rows.getInt(5), rows.getInt(6)));
                }
            }
            statement.getMoreResults();
            try (ResultSet rows = statement.getResultSet()) {
                while (rows.next()) {
                    facts.add(new DesignationFacts.ScopedRow(rows.getString(1), rows.getString(2), rows.getObject(3, LocalDate.class),
                            rows.getString(4), rows.getBigDecimal(5), instant(rows.getTimestamp(6))));
                }
            }
            statement.getMoreResults();
            try (ResultSet rows = statement.getResultSet()) {
                while (rows.next()) {
                    holders.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return new OrganisationRead(statuses, specialisations, facts, holders);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
