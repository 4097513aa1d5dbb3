package io.partnerhub.competency.status;

import java.util.List;

import io.partnerhub.competency.domain.CompetencyState;
import io.partnerhub.competency.domain.Evaluation;
import io.partnerhub.competency.domain.Level;
import io.partnerhub.competency.domain.Reason;
import io.partnerhub.competency.projection.FactsLoader;
import io.partnerhub.competency.status.StatusViews.ChangeView;
import io.partnerhub.competency.status.StatusViews.RequirementProgress;

/** The stored rows of competency_status and competency_status_change seen as a {@link CompetencyState} or a view. */
final class StatusRows {

    private StatusRows() {
    }

    /** The stored state, NONE when there is no row. */
    static CompetencyState state(CompetencyStatus status) {
        return status == null ? CompetencyState.NONE
                : new CompetencyState(status.level, status.atRisk, status.reasons, status.attainedAt, status.validUntil);
    }

    static ChangeView view(StatusChange c) {
        return new ChangeView(c.change, c.level, c.atRisk, c.reasons, c.validUntil, c.occurredAt, c.causeEventId,
                c.causeEventType, c.publishedEventId, c.requirements == null ? List.of() : c.requirements);
    }

    /**
     * Issue 25: the organisation's status rows of these competencies as a statement sent ahead of the facts'
     * ({@link FactsLoader#loadOne}), read into {@code into} by competency id. Read for a recomputation, which replaces
     * every column: the stored requirement progress is not parsed (left null).
     */
    static FactsLoader.Ahead statuses(String organizationId, java.util.Collection<String> competencyIds,
            java.util.Map<String, CompetencyStatus> into) {
        return new FactsLoader.Ahead() {
            @Override
            public String sql() {
                return "SELECT organization_id, competency_id, level, path, at_risk, reasons, attained_at, valid_until, as_of,"
                        + " requirement_version, requirement_effective_from, next_check_at, updated_at, version"
                        + " FROM competency_status WHERE organization_id = ? AND competency_id = ANY(?)";
            }

            @Override
            public int bind(java.sql.Connection connection, java.sql.PreparedStatement statement, int index) throws java.sql.SQLException {
                statement.setString(index, organizationId);
                statement.setArray(index + 1, connection.createArrayOf("text", competencyIds.toArray()));
                return index + 2;
            }

            @Override
            public void read(java.sql.Statement statement) throws java.sql.SQLException {
                try (java.sql.ResultSet rows = statement.getResultSet()) {
                    read(rows);
                }
            }

            private void read(java.sql.ResultSet rows) throws java.sql.SQLException {
                while (rows.next()) {
                    CompetencyStatus status = new CompetencyStatus();
                    status.organizationId = rows.getString(1);
                    status.competencyId = rows.getString(2);
                    status.level = Level.valueOf(rows.getString(3));
                    int path = rows.getInt(4);
                    status.path = rows.wasNull() ? null : path;
                    status.atRisk = rows.getBoolean(5);
                    try {
                        status.reasons = REASONS.readValue(rows.getString(6));
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        throw new IllegalStateException("competency_status.reasons of " + status.organizationId + "/"
                                + status.competencyId + " not read", e);
                    }
                    status.attainedAt = instant(rows.getTimestamp(7));
                    status.validUntil = instant(rows.getTimestamp(8));
                    status.asOf = instant(rows.getTimestamp(9));
                    status.requirementVersion = rows.getString(10);
                    status.requirementEffectiveFrom = rows.getObject(11, java.time.LocalDate.class);
                    status.nextCheckAt = instant(rows.getTimestamp(12));
                    status.updatedAt = instant(rows.getTimestamp(13));
                    status.version = rows.getLong(14);
                    into.put(status.competencyId, status);
                }
            }
        };
    }

    /** As Quarkus' mapper reads them for Hibernate (unknown properties ignored). */
    private static final com.fasterxml.jackson.databind.ObjectReader REASONS = StatusWrites.JSON
            .readerFor(new com.fasterxml.jackson.core.type.TypeReference<List<Reason>>() {
            }).without(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private static java.time.Instant instant(java.sql.Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }

    static List<RequirementProgress> progress(Evaluation evaluation) {
        return evaluation.progress().stream().map(p -> new RequirementProgress(p.level(), p.path(), p.description(), p.have(),
                p.need(), p.counted(), p.met())).toList();
    }
}
