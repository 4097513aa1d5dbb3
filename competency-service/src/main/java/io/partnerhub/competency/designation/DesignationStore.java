package io.partnerhub.competency.designation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.partnerhub.competency.projection.TypedRows;

/**
 * P5/P6/P8 state as stored: designation_status per (organisation, area), specialisation_status per (organisation,
 * specialisation), and the qualifying days of the window per (organisation, area, subject: '' or a specialisation).
 */
@ApplicationScoped
public class DesignationStore {

    /** The designation's subject in designation_qualifying_day. */
    public static final String DESIGNATION = "";

    private final EntityManager em;

    public DesignationStore(EntityManager em) {
        this.em = em;
    }

    public record StatusRow(String organizationId, String solutionAreaId, String state, String track, Integer scoreTenths,
            Boolean qualifiesToday, String scoreVersion, LocalDate lastEvaluated, Instant updatedAt) {
    }

    public record SpecialisationRow(String specialisationId, String solutionAreaId, String name, String state, Integer have,
            Integer need) {
    }

    private static final String STATUS = "SELECT organization_id, solution_area_id, state, track, score_tenths, qualifies_today,"
            + " score_version, last_evaluated, updated_at FROM designation_status";
    private static final String[] STATUS_COLUMNS = {"organization_id", "solution_area_id", "state", "track", "score_tenths",
        "qualifies_today", "score_version", "last_evaluated", "updated_at"};

    public Optional<StatusRow> status(String organizationId, String areaId) {
        return TypedRows.query(em, STATUS + " WHERE organization_id = ?1 AND solution_area_id = ?2", StatusRow.class, STATUS_COLUMNS)
                .setParameter(1, organizationId).setParameter(2, areaId).getResultStream().findFirst();
    }

    public List<StatusRow> statuses(String organizationId) {
        return TypedRows.query(em, STATUS + " WHERE organization_id = ?1 ORDER BY solution_area_id", StatusRow.class, STATUS_COLUMNS)
                .setParameter(1, organizationId).getResultList();
    }

    /** Every status row of the organisations (the side by side, the what-if). */
    public List<StatusRow> statuses(Collection<String> organizationIds) {
        if (organizationIds.isEmpty()) {
            return List.of();
        }
        return TypedRows.query(em, STATUS + " WHERE organization_id IN (:o) ORDER BY organization_id, solution_area_id",
                StatusRow.class, STATUS_COLUMNS).setParameter("o", organizationIds).getResultList();
    }

    /** Upserts the row (issue 25: added to the evaluation's writes, sent in one round trip by {@link #write}). */
    public void saveStatus(Writes writes, StatusRow row) {
        writes.add("INSERT INTO designation_status (organization_id, solution_area_id, state, track, score_tenths,"
                + " qualifies_today, score_version, last_evaluated, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (organization_id, solution_area_id) DO UPDATE SET state = excluded.state, track = excluded.track,"
                + " score_tenths = excluded.score_tenths, qualifies_today = excluded.qualifies_today,"
                + " score_version = excluded.score_version, last_evaluated = excluded.last_evaluated, updated_at = excluded.updated_at",
                row.organizationId(), row.solutionAreaId(), row.state(), row.track(), row.scoreTenths(), row.qualifiesToday(),
                row.scoreVersion(), row.lastEvaluated(), row.updatedAt());
    }

    public List<SpecialisationRow> specialisations(String organizationId, String areaId) {
        return TypedRows.query(em, "SELECT specialisation_id, solution_area_id, name, state, have, need FROM specialisation_status"
                + " WHERE organization_id = ?1 AND solution_area_id = ?2 ORDER BY specialisation_id", SpecialisationRow.class,
                "specialisation_id", "solution_area_id", "name", "state", "have", "need")
                .setParameter(1, organizationId).setParameter(2, areaId).getResultList();
    }

    /** Upserts the row (issue 25: added to the evaluation's writes, sent in one round trip by {@link #write}). */
    public void saveSpecialisation(Writes writes, String organizationId, SpecialisationRow row, Instant now) {
        writes.add("INSERT INTO specialisation_status (organization_id, specialisation_id, solution_area_id, name, state,"
                + " have, need, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (organization_id, specialisation_id)"
                + " DO UPDATE SET name = excluded.name, state = excluded.state, have = excluded.have, need = excluded.need,"
                + " updated_at = excluded.updated_at",
                organizationId, row.specialisationId(), row.solutionAreaId(), row.name(), row.state(), row.have(), row.need(), now);
    }

    /** The stored qualifying days, oldest first. */
    public TreeSet<LocalDate> qualifyingDays(String organizationId, String areaId, String subject) {
        List<?> days = em.createNativeQuery("SELECT day FROM designation_qualifying_day WHERE organization_id = ?1"
                + " AND solution_area_id = ?2 AND subject = ?3 ORDER BY day")
                .setParameter(1, organizationId).setParameter(2, areaId).setParameter(3, subject).getResultList();
        TreeSet<LocalDate> set = new TreeSet<>();
        days.forEach(d -> set.add(d instanceof java.sql.Date date ? date.toLocalDate() : (LocalDate) d));
        return set;
    }

    /** A stored qualifying day of an area's subject. */
    public record Day(String solutionAreaId, String subject, LocalDate day) {
    }

    /**
     * The organisation's stored qualifying days of these areas, every subject, in one query. Plain JDBC (issue #25: as a
     * native query Hibernate flushed and parsed it first, ~1/3 of the worker's evaluation CPU in the propagation report).
     */
    public List<Day> qualifyingDays(String organizationId, Collection<String> areaIds) {
        return em.unwrap(org.hibernate.Session.class).doReturningWork(connection -> {
            try (java.sql.PreparedStatement read = connection.prepareStatement("SELECT solution_area_id, subject, day"
                    + " FROM designation_qualifying_day WHERE organization_id = ? AND solution_area_id = ANY(?) ORDER BY day")) {
                read.setString(1, organizationId);
                read.setArray(2, connection.createArrayOf("text", areaIds.toArray()));
                List<Day> days = new java.util.ArrayList<>();
                try (java.sql.ResultSet rows = read.executeQuery()) {
                    while (rows.next()) {
                        days.add(new Day(rows.getString(1), rows.getString(2), rows.getObject(3, LocalDate.class)));
                    }
                }
                return days;
            }
        });
    }

    /** The days from {@code from} on become {@code qualifying}, and the days before {@code keepFrom} are forgotten. */
    public static void replace(String areaId, String subject, TreeSet<LocalDate> stored, LocalDate from, LocalDate keepFrom,
            Collection<LocalDate> qualifying, List<Day> deletes, List<Day> inserts) {
        TreeSet<LocalDate> kept = new TreeSet<>();
        qualifying.stream().filter(d -> !d.isBefore(from) && !d.isBefore(keepFrom)).forEach(kept::add);
        stored.stream().filter(d -> (!d.isBefore(from) || d.isBefore(keepFrom)) && !kept.contains(d))
                .forEach(d -> deletes.add(new Day(areaId, subject, d)));
        kept.stream().filter(d -> !stored.contains(d)).forEach(d -> inserts.add(new Day(areaId, subject, d)));
    }

    /** Deletes and inserts qualifying days of the organisation: a statement each, none when there is nothing to do. */
    public void writeDays(Writes writes, String organizationId, List<Day> deletes, List<Day> inserts) {
        String columns = " unnest(CAST(? AS text[])), unnest(CAST(? AS text[])), CAST(unnest(CAST(? AS text[])) AS date)";
        if (!deletes.isEmpty()) {
            writes.add("DELETE FROM designation_qualifying_day WHERE organization_id = ?"
                    + " AND (solution_area_id, subject, day) IN (SELECT" + columns + ")", days(organizationId, deletes));
        }
        if (!inserts.isEmpty()) {
            writes.add("INSERT INTO designation_qualifying_day (organization_id, solution_area_id, subject, day)"
                    + " SELECT ?," + columns + " ON CONFLICT DO NOTHING", days(organizationId, inserts));
        }
    }

    private static Object[] days(String organizationId, List<Day> days) {
        return new Object[] { organizationId, days.stream().map(Day::solutionAreaId).toArray(String[]::new),
            days.stream().map(Day::subject).toArray(String[]::new), days.stream().map(d -> d.day().toString()).toArray(String[]::new) };
    }

    /**
     * Issue 25: the writes of one evaluation (status, specialisation, fact and qualifying day rows), collected while it
     * runs and sent by {@link #write} as one round trip of statements that PostgreSQL runs one after the other.
     */
    public static final class Writes {
        private final List<String> statements = new java.util.ArrayList<>();
        private final List<Object> parameters = new java.util.ArrayList<>();

        /** A statement with its parameters: String, String[] (text[]), Integer, Boolean, LocalDate, Instant or null. */
        public void add(String statement, Object... values) {
            statements.add(statement);
            parameters.addAll(java.util.Arrays.asList(values));
        }

        public boolean isEmpty() {
            return statements.isEmpty();
        }
    }

    /** Sends the writes in one round trip (nothing when there are none). */
    public void write(Writes writes) {
        if (writes.isEmpty()) {
            return;
        }
        em.unwrap(org.hibernate.Session.class).doWork(connection -> {
            try (java.sql.PreparedStatement statement = connection.prepareStatement(String.join(";\n", writes.statements))) {
                int p = 1;
                for (Object value : writes.parameters) {
                    if (value == null) {
                        statement.setNull(p++, java.sql.Types.OTHER); // typed by the column
                    } else if (value instanceof String[] array) {
                        statement.setArray(p++, connection.createArrayOf("text", array));
                    } else if (value instanceof Instant instant) {
                        statement.setTimestamp(p++, java.sql.Timestamp.from(instant));
                    } else {
                        statement.setObject(p++, value);
                    }
                }
                statement.execute();
            }
        });
    }

    /** Replaces the days from {@code from} on with {@code qualifying} and forgets the days before {@code keepFrom}. */
    public void replaceDays(String organizationId, String areaId, String subject, LocalDate from, LocalDate keepFrom,
            Collection<LocalDate> qualifying) {
        em.createNativeQuery("DELETE FROM designation_qualifying_day WHERE organization_id = ?1 AND solution_area_id = ?2"
                + " AND subject = ?3 AND (day >= ?4 OR day < ?5)").setParameter(1, organizationId).setParameter(2, areaId)
                .setParameter(3, subject).setParameter(4, from).setParameter(5, keepFrom).executeUpdate();
        for (LocalDate day : qualifying) {
            if (!day.isBefore(from) && !day.isBefore(keepFrom)) {
                em.createNativeQuery("INSERT INTO designation_qualifying_day (organization_id, solution_area_id, subject, day)"
                        + " VALUES (?1, ?2, ?3, ?4)").setParameter(1, organizationId).setParameter(2, areaId)
                        .setParameter(3, subject).setParameter(4, day).executeUpdate();
            }
        }
    }
}
