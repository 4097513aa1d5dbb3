package io.partnerhub.membership.notification;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.partnerhub.membership.domain.NotificationKind;

/** A person's choices per kind of mail ({@code notification_preference}; no row = on). */
@ApplicationScoped
public class Preferences {

    private final EntityManager em;

    public Preferences(EntityManager em) {
        this.em = em;
    }

    /** The person's explicit choices (kinds never chosen are absent). */
    public Map<NotificationKind, Boolean> of(UUID userId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT kind, enabled FROM notification_preference WHERE user_id = :user")
                .setParameter("user", userId).getResultList();
        Map<NotificationKind, Boolean> choices = new EnumMap<>(NotificationKind.class);
        rows.forEach(row -> NotificationKind.parse((String) row[0]).ifPresent(k -> choices.put(k, (Boolean) row[1])));
        return choices;
    }

    public boolean sends(UUID userId, NotificationKind kind) {
        if (kind.security()) {
            return true;
        }
        @SuppressWarnings("unchecked")
        List<Boolean> enabled = em.createNativeQuery(
                "SELECT enabled FROM notification_preference WHERE user_id = :user AND kind = :kind")
                .setParameter("user", userId).setParameter("kind", kind.name()).getResultList();
        return kind.sendsTo(enabled.isEmpty() ? null : enabled.get(0));
    }

    /** Records the choice (the caller checked that the kind may be turned off); the same choice again changes nothing. */
    public void choose(UUID userId, NotificationKind kind, boolean enabled, Instant at) {
        em.createNativeQuery("""
                INSERT INTO notification_preference (user_id, kind, enabled, updated_at) VALUES (:user, :kind, :enabled, :at)
                ON CONFLICT (user_id, kind) DO UPDATE SET enabled = EXCLUDED.enabled, updated_at = EXCLUDED.updated_at
                WHERE notification_preference.enabled <> EXCLUDED.enabled""")
                .setParameter("user", userId).setParameter("kind", kind.name()).setParameter("enabled", enabled)
                .setParameter("at", at).executeUpdate();
    }
}
