package io.partnerhub.competency.status;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectReader;

import io.partnerhub.competency.domain.Level;
import io.partnerhub.competency.domain.Reason;
import io.partnerhub.competency.status.StatusViews.RequirementProgress;

/**
 * Issue #25 stage 9: one organisation's status in one competency for the GET, with the names of the credentials it may
 * show, in one statement (plain JDBC, read-only): no entity, so Hibernate neither copies the jsonb columns into a
 * snapshot nor checks them at a flush, and the credential names are not a second round trip.
 */
@ApplicationScoped
public class StatusRead {

    /** A stored status and the names of those of the asked credentials whose definition was seen. */
    public record Named(CompetencyStatus status, Map<String, String> names) {
    }

    private static final String SQL = "SELECT s.level, s.path, s.at_risk, s.reasons, s.attained_at, s.valid_until, s.as_of,"
            + " s.requirement_version, s.requirement_effective_from, s.requirements, s.next_check_at, s.updated_at, s.version,"
            + " n.ids, n.names FROM competency_status s LEFT JOIN LATERAL (SELECT array_agg(k.credential) AS ids,"
            + " array_agg(k.name) AS names FROM known_credential k WHERE k.credential = ANY(?) AND k.name IS NOT NULL) n ON true"
            + " WHERE s.organization_id = ? AND s.competency_id = ?";

    /** As Quarkus' mapper reads them for Hibernate (unknown properties ignored). */
    private static final ObjectReader REASONS = StatusWrites.JSON.readerFor(new TypeReference<List<Reason>>() {
    }).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final ObjectReader PROGRESS = StatusWrites.JSON.readerFor(new TypeReference<List<RequirementProgress>>() {
    }).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final EntityManager em;

    public StatusRead(EntityManager em) {
        this.em = em;
    }

    /** The status (empty: none stored) with the names of those of {@code credentials} that have one. */
    public Optional<Named> of(String organizationId, String competencyId, Collection<String> credentials) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement read = connection.prepareStatement(SQL)) {
                read.setArray(1, connection.createArrayOf("text", credentials.toArray()));
                read.setString(2, organizationId);
                read.setString(3, competencyId);
                try (ResultSet row = read.executeQuery()) {
                    if (!row.next()) {
                        return Optional.empty();
                    }
                    CompetencyStatus status = new CompetencyStatus();
                    status.organizationId = organizationId;
                    status.competencyId = competencyId;
                    status.level = Level.valueOf(row.getString(1));
                    int path = row.getInt(2);
                    status.path = row.wasNull() ? null : path;
                    status.atRisk = row.getBoolean(3);
                    status.reasons = json(REASONS, row.getString(4), "reasons", status);
                    status.attainedAt = instant(row.getTimestamp(5));
                    status.validUntil = instant(row.getTimestamp(6));
                    status.asOf = instant(row.getTimestamp(7));
                    status.requirementVersion = row.getString(8);
                    status.requirementEffectiveFrom = row.getObject(9, LocalDate.class);
                    status.requirements = json(PROGRESS, row.getString(10), "requirements", status);
                    status.nextCheckAt = instant(row.getTimestamp(11));
                    status.updatedAt = instant(row.getTimestamp(12));
                    status.version = row.getLong(13);
                    return Optional.of(new Named(status, names(row.getArray(14), row.getArray(15))));
                }
            }
        });
    }

    private static Map<String, String> names(Array ids, Array names) throws SQLException {
        Map<String, String> named = new HashMap<>();
        if (ids == null || names == null) {
            return named;
        }
        Object[] id = (Object[]) ids.getArray();
        Object[] name = (Object[]) names.getArray();
        for (int i = 0; i < id.length; i++) {
            named.put(id[i].toString(), name[i].toString());
        }
        return named;
    }

    private static <T> T json(ObjectReader reader, String value, String column, CompetencyStatus status) {
        try {
            return reader.readValue(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("competency_status." + column + " of " + status.organizationId + "/"
                    + status.competencyId + " not read", e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
