package io.partnerhub.exam.result;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;

import org.hibernate.Session;

import io.partnerhub.exam.domain.CertificationCover;
import io.partnerhub.exam.domain.ExamProvider;
import io.partnerhub.exam.domain.PastAttempt;
import io.partnerhub.exam.exam.ExamScoring;
import io.partnerhub.exam.holding.CertificationHolding;
import io.partnerhub.exam.holding.HoldingStatus;
import io.partnerhub.exam.registration.Registration;
import io.partnerhub.exam.registration.RegistrationStatus;

/**
 * A result's SQL (issue #25 stage 1, #26), in as few round trips as PostgreSQL allows, on the transaction's connection
 * (Hibernate's, so that a constraint reads as Hibernate's {@code ConstraintViolationException}):
 * <ol>
 * <li>{@link #lockAndRead}: the candidate+exam lock that booking takes (from the registration's row), then the
 * registration, the replay look-up by (provider, providerResultId), the exam's scoring, the candidate's past attempts
 * of the exam and the holdings earned with it: six statements in ONE round trip (the driver sends them all before it
 * reads an answer; PostgreSQL runs them in order, each with its own snapshot, so every read after the lock sees what
 * the lock's previous holder committed);</li>
 * <li>{@link #insertAndComplete}: the attempt's insert and the registration's update (COMPLETED, its {@code @Version}
 * checked and moved on) in one round trip.</li>
 * </ol>
 * Was one round trip per statement (eight, the commit and the outbox row aside) and the registration and the replayed
 * attempt loaded as entities (snapshot, dirty check at the flush). Nothing here is loaded into the persistence context.
 */
@ApplicationScoped
class ResultStore {

    private static final String BY_REGISTRATION = " JOIN exam_registration r ON r.id = ?";

    private static final String LOCK_AND_READ = "SELECT pg_advisory_xact_lock(hashtext('exam-registration:' || candidate_id"
            + " || ':' || exam_code)) FROM exam_registration WHERE id = ?;"
            + " SELECT id, candidate_id, exam_code, provider, delivery_mode, scheduled_at, status, voucher_id, system_check_passed,"
            + " created_at, updated_at, version FROM exam_registration WHERE id = ?;"
            + " SELECT a.id, a.registration_id, a.candidate_id, a.exam_code, a.provider_result_id, a.score, a.taken_at, a.status,"
            + " a.passed FROM exam_attempt a" + BY_REGISTRATION + " WHERE a.provider = r.provider AND a.provider_result_id = ?;"
            + " SELECT e.passing_score, e.beta, e.live_on FROM exam e" + BY_REGISTRATION + " WHERE e.code = r.exam_code;"
            + " SELECT a.taken_at, a.status, a.passed FROM exam_attempt a" + BY_REGISTRATION
            + " WHERE a.candidate_id = r.candidate_id AND a.exam_code = r.exam_code;"
            + " SELECT DISTINCT h.holding_id, h.status, h.expires_at FROM candidate_certification_holding h"
            + " JOIN candidate_certification_holding_exam c ON c.holding_id = h.holding_id" + BY_REGISTRATION
            + " WHERE h.candidate_id = r.candidate_id AND c.exam_code = r.exam_code";

    private static final String INSERT_AND_COMPLETE = "INSERT INTO exam_attempt (id, provider, provider_result_id,"
            + " registration_id, candidate_id, exam_code, score, taken_at, status, passed, recorded_at, released_at, version)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0);"
            + " UPDATE exam_registration SET status = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?";

    /**
     * What recording a result reads under the candidate+exam lock; {@code registration} is a detached copy (never
     * managed), empty when there is no such registration (then nothing else was read).
     */
    record Read(Optional<Registration> registration, Optional<Attempt> recorded, Optional<ExamScoring> scoring,
                List<PastAttempt> pastAttempts, List<CertificationCover> covers) {
    }

    private final AttemptRepository attempts;

    ResultStore(AttemptRepository attempts) {
        this.attempts = attempts;
    }

    /** Takes the candidate+exam lock of the registration (until the transaction ends) and reads, in one round trip. */
    Read lockAndRead(UUID registrationId, String providerResultId) {
        return session().doReturningWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(LOCK_AND_READ)) {
                int i = 1;
                statement.setObject(i++, registrationId);
                statement.setObject(i++, registrationId);
                statement.setObject(i++, registrationId);
                statement.setString(i++, providerResultId);
                statement.setObject(i++, registrationId);
                statement.setObject(i++, registrationId);
                statement.setObject(i, registrationId);
                statement.execute(); // the lock's row, if any
                Registration registration = null;
                try (ResultSet rs = resultSet(statement)) {
                    if (rs.next()) {
                        registration = registration(rs);
                    }
                }
                Attempt recorded = null;
                try (ResultSet rs = resultSet(statement)) {
                    if (rs.next()) {
                        recorded = attempt(rs);
                    }
                }
                ExamScoring scoring = null;
                try (ResultSet rs = resultSet(statement)) {
                    if (rs.next()) {
                        scoring = new ExamScoring(rs.getInt(1), rs.getBoolean(2), rs.getObject(3, LocalDate.class));
                    }
                }
                List<PastAttempt> past = new ArrayList<>();
                try (ResultSet rs = resultSet(statement)) {
                    while (rs.next()) {
                        past.add(new PastAttempt(instant(rs, 1),
                                Attempt.outcome(AttemptStatus.valueOf(rs.getString(2)), rs.getObject(3, Boolean.class))));
                    }
                }
                List<CertificationCover> covers = new ArrayList<>();
                try (ResultSet rs = resultSet(statement)) {
                    while (rs.next()) {
                        covers.add(CertificationHolding.cover(rs.getString(1), HoldingStatus.valueOf(rs.getString(2)), instant(rs, 3)));
                    }
                }
                return new Read(Optional.ofNullable(registration), Optional.ofNullable(recorded), Optional.ofNullable(scoring),
                        past, covers);
            }
        });
    }

    /**
     * Inserts the attempt and completes its registration (whose version must still be the one read, else
     * {@link OptimisticLockException}: a concurrent cancellation won) in one round trip; a concurrent duplicate
     * surfaces here as a unique violation.
     */
    void insertAndComplete(Attempt attempt, Registration registration, Instant now) {
        session().doWork(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(INSERT_AND_COMPLETE)) {
                int i = 1;
                statement.setObject(i++, attempt.id);
                statement.setString(i++, attempt.provider.name());
                statement.setString(i++, attempt.providerResultId);
                statement.setObject(i++, attempt.registrationId);
                statement.setString(i++, attempt.candidateId);
                statement.setString(i++, attempt.examCode);
                statement.setInt(i++, attempt.score);
                statement.setObject(i++, timestamp(attempt.takenAt));
                statement.setString(i++, attempt.status.name());
                statement.setObject(i++, attempt.passed, java.sql.Types.BOOLEAN);
                statement.setObject(i++, timestamp(attempt.recordedAt));
                statement.setObject(i++, timestamp(attempt.releasedAt), java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
                statement.setString(i++, RegistrationStatus.COMPLETED.name());
                statement.setObject(i++, timestamp(now));
                statement.setObject(i++, registration.id);
                statement.setLong(i, registration.version);
                statement.execute(); // the insert
                statement.getMoreResults();
                if (statement.getUpdateCount() != 1) {
                    throw new OptimisticLockException("registration " + registration.id + " changed since it was read");
                }
            }
        });
        registration.complete(now);
        registration.version++;
    }

    private static Registration registration(ResultSet rs) throws SQLException {
        Registration registration = new Registration();
        registration.id = rs.getObject(1, UUID.class);
        registration.candidateId = rs.getString(2);
        registration.examCode = rs.getString(3);
        registration.provider = ExamProvider.valueOf(rs.getString(4));
        registration.deliveryMode = io.partnerhub.exam.domain.DeliveryMode.valueOf(rs.getString(5));
        registration.scheduledAt = instant(rs, 6);
        registration.status = RegistrationStatus.valueOf(rs.getString(7));
        registration.voucherId = rs.getObject(8, UUID.class);
        registration.systemCheckPassed = rs.getObject(9, Boolean.class);
        registration.createdAt = instant(rs, 10);
        registration.updatedAt = instant(rs, 11);
        registration.version = rs.getLong(12);
        return registration;
    }

    private static Attempt attempt(ResultSet rs) throws SQLException {
        Attempt attempt = new Attempt();
        attempt.id = rs.getObject(1, UUID.class);
        attempt.registrationId = rs.getObject(2, UUID.class);
        attempt.candidateId = rs.getString(3);
        attempt.examCode = rs.getString(4);
        attempt.providerResultId = rs.getString(5);
        attempt.score = rs.getInt(6);
        attempt.takenAt = instant(rs, 7);
        attempt.status = AttemptStatus.valueOf(rs.getString(8));
        attempt.passed = rs.getObject(9, Boolean.class);
        return attempt;
    }

    private Session session() {
        return attempts.getEntityManager().unwrap(Session.class);
    }

    private static ResultSet resultSet(PreparedStatement statement) throws SQLException {
        if (!statement.getMoreResults()) {
            throw new SQLException("the result read returned fewer result sets than statements");
        }
        return statement.getResultSet();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime timestamp(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
