package io.partnerhub.certification.holding;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.partnerhub.certification.domain.HoldingStatus;
import io.partnerhub.certification.domain.Pass;
import io.partnerhub.certification.events.ExamPassed;

/**
 * The earn transaction's SQL (issue #25 stage 4), in as few round trips as PostgreSQL allows, on the transaction's
 * connection (Hibernate's, so that a constraint reads as Hibernate's {@code ConstraintViolationException}):
 * <ol>
 * <li>{@link #lockRecordAndRead}: the candidate's advisory lock, the pass recorded once per attempt, the candidate's
 * holdings and passes (the new one included) and the catalogue's revision, five statements in ONE round trip (the
 * driver sends them all before reading an answer; each statement sees the ones before it);</li>
 * <li>{@link #insert}: the new holdings in one batch (one round trip).</li>
 * </ol>
 * Was one round trip per statement, plus the catalogue with its JSON columns read and parsed on every event.
 */
@ApplicationScoped
class EarningStore {

    private static final String LOCK_RECORD_AND_READ = "SELECT pg_advisory_xact_lock(hashtext('certification-candidate'), hashtext(?));"
            + " INSERT INTO passed_exam (attempt_id, candidate_id, exam_code, score, taken_at, recorded_at)"
            + " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (attempt_id) DO NOTHING;"
            + " SELECT id, certification_id, status, expires_at, ended_at FROM certification_holding WHERE candidate_id = ?"
            + " ORDER BY earned_at, id;"
            + " SELECT exam_code, taken_at FROM passed_exam WHERE candidate_id = ? ORDER BY taken_at, attempt_id;"
            + " SELECT " + EarningCatalogue.REVISION;

    private static final String INSERT = "INSERT INTO certification_holding (id, candidate_id, certification_id, level,"
            + " exam_codes, status, earned_at, expires_at, badge_salt, version) VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, 0)";

    /** A holding of the candidate as earning reads it. */
    record HoldingRow(UUID id, String certificationId, HoldingStatus status, Instant expiresAt, Instant endedAt) {
    }

    /** What one earn transaction reads under the candidate's lock. */
    record Candidate(boolean passRecorded, List<HoldingRow> holdings, List<Pass> passes, String catalogueRevision) {
    }

    private final HoldingRepository holdings;
    private final ObjectMapper json;

    EarningStore(HoldingRepository holdings, ObjectMapper json) {
        this.holdings = holdings;
        this.json = json;
    }

    /**
     * Takes the candidate's lock (held until the transaction ends: earning for one candidate is serialised), records
     * the pass unless its attempt is already recorded, and reads the candidate's holdings and passes and the
     * catalogue's revision, in one round trip.
     */
    Candidate lockRecordAndRead(ExamPassed pass, Instant recordedAt) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(LOCK_RECORD_AND_READ)) {
                int i = 1;
                statement.setString(i++, pass.candidateId());
                statement.setString(i++, pass.attemptId());
                statement.setString(i++, pass.candidateId());
                statement.setString(i++, pass.examCode());
                statement.setInt(i++, pass.score());
                statement.setTimestamp(i++, Timestamp.from(pass.takenAt()));
                statement.setTimestamp(i++, Timestamp.from(recordedAt));
                statement.setString(i++, pass.candidateId());
                statement.setString(i, pass.candidateId());
                statement.execute(); // the lock's row
                int inserted = next(statement).getUpdateCount();
                List<HoldingRow> own = new ArrayList<>();
                try (ResultSet rs = resultSet(statement)) {
                    while (rs.next()) {
                        own.add(new HoldingRow(rs.getObject(1, UUID.class), rs.getString(2), HoldingStatus.valueOf(rs.getString(3)),
                                instant(rs.getTimestamp(4)), instant(rs.getTimestamp(5))));
                    }
                }
                List<Pass> passes = new ArrayList<>();
                try (ResultSet rs = resultSet(statement)) {
                    while (rs.next()) {
                        passes.add(new Pass(rs.getString(1), rs.getTimestamp(2).toInstant()));
                    }
                }
                String revision;
                try (ResultSet rs = resultSet(statement)) {
                    revision = rs.next() ? rs.getString(1) : null;
                }
                return new Candidate(inserted > 0, own, passes, revision);
            }
        });
    }

    /** Inserts the new holdings (ACTIVE, version 0) in one round trip; the unique index on one ACTIVE holding decides here. */
    void insert(List<CertificationHolding> created) {
        if (created.isEmpty()) {
            return;
        }
        session().doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (CertificationHolding holding : created) {
                    insert.setObject(1, holding.id);
                    insert.setString(2, holding.candidateId);
                    insert.setString(3, holding.certificationId);
                    insert.setString(4, holding.level.name());
                    insert.setString(5, examCodes(holding.examCodes));
                    insert.setString(6, holding.status.name());
                    insert.setTimestamp(7, Timestamp.from(holding.earnedAt));
                    insert.setTimestamp(8, holding.expiresAt == null ? null : Timestamp.from(holding.expiresAt));
                    insert.setString(9, holding.badgeSalt);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }

    private Session session() {
        return holdings.getEntityManager().unwrap(Session.class);
    }

    private String examCodes(List<String> codes) {
        try {
            return json.writeValueAsString(codes);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write exam codes " + codes, e);
        }
    }

    private static PreparedStatement next(PreparedStatement statement) throws SQLException {
        statement.getMoreResults(); // closes the previous result set
        return statement;
    }

    private static ResultSet resultSet(PreparedStatement statement) throws SQLException {
        if (!statement.getMoreResults()) {
            throw new SQLException("the earn read returned fewer result sets than statements");
        }
        return statement.getResultSet();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
