package io.partnerhub.certification.holding;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import io.partnerhub.certification.domain.RenewalReminder;
import io.partnerhub.certification.domain.RenewalReminder.Stage;
import io.partnerhub.certification.events.RenewalDue;
import io.partnerhub.chassis.events.EventPublisher;
import io.quarkus.logging.Log;

/**
 * #23 due work of the expiry sweep: an active holding of a certification that is not retired whose renewal window
 * opened, or that expires in 30 or 7 days, gets one {@link RenewalDue} per expiry and stage (the most urgent stage
 * reached; the earlier ones count as told). The reminder rows and the outbox row commit together; the primary key
 * of {@code renewal_reminder} decides between two sweeping instances.
 */
@ApplicationScoped
public class RenewalReminders implements DueWork {

    private final EntityManager em;
    private final EventPublisher events;
    private final Clock clock;

    public RenewalReminders(EntityManager em, EventPublisher events, Clock clock) {
        this.em = em;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public String done() {
        return "renewal reminders published";
    }

    @Override
    @Transactional
    public int handleDue(int batchSize) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        @SuppressWarnings("unchecked")
        List<Object[]> due = em.createNativeQuery("""
                SELECT h.id, h.candidate_id, h.certification_id, h.expires_at FROM certification_holding h
                WHERE h.status = 'ACTIVE' AND h.expires_at > :now AND h.expires_at <= :window
                  AND NOT EXISTS (SELECT 1 FROM certification c WHERE c.id = h.certification_id
                                  AND c.retires_on IS NOT NULL AND c.retires_on <= :today)
                  AND NOT EXISTS (SELECT 1 FROM renewal_reminder r WHERE r.holding_id = h.id AND r.expires_at = h.expires_at
                                  AND r.stage = CASE WHEN h.expires_at <= :days7 THEN 'DAYS_7'
                                                     WHEN h.expires_at <= :days30 THEN 'DAYS_30' ELSE 'WINDOW_OPENED' END)
                ORDER BY h.expires_at, h.id LIMIT :limit""")
                .setParameter("now", now)
                .setParameter("window", now.plus(Stage.WINDOW_OPENED.before()))
                .setParameter("days30", now.plus(Stage.DAYS_30.before()))
                .setParameter("days7", now.plus(Stage.DAYS_7.before()))
                .setParameter("today", LocalDate.ofInstant(now, ZoneOffset.UTC))
                .setParameter("limit", batchSize)
                .getResultList();
        for (Object[] row : due) {
            remind((UUID) row[0], (String) row[1], (String) row[2], instant(row[3]), now);
        }
        return due.size();
    }

    private void remind(UUID holdingId, String candidateId, String certificationId, Instant expiresAt, Instant now) {
        Stage stage = RenewalReminder.due(expiresAt, now).orElseThrow();
        boolean first = false;
        for (Stage told : stage.andEarlier()) {
            int inserted = em.createNativeQuery("""
                    INSERT INTO renewal_reminder (holding_id, expires_at, stage, published_at) VALUES (:holding, :expires, :stage, :now)
                    ON CONFLICT DO NOTHING""")
                    .setParameter("holding", holdingId).setParameter("expires", expiresAt)
                    .setParameter("stage", told.name()).setParameter("now", now).executeUpdate();
            first = told == stage && inserted == 1;
        }
        if (first) {
            events.publish(new RenewalDue(candidateId, certificationId, holdingId.toString(), expiresAt,
                    RenewalReminder.daysLeft(expiresAt, now), stage == Stage.WINDOW_OPENED));
            Log.infof("Holding %s: renewal reminder %s (expires %s)", holdingId, stage, expiresAt);
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
