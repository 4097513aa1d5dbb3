package io.partnerhub.competency.projection;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * K1c The certification catalogue as far as this service knows it (table known_credential), built only from
 * certification-service's events. A credential is a certification id or {@code assessment:<id>}. Writes are idempotent
 * upserts: a duplicate or late event changes nothing; a newer definition updates the name.
 */
@ApplicationScoped
public class KnownCredentials {

    private final EntityManager em;

    public KnownCredentials(EntityManager em) {
        this.em = em;
    }

    /** certification.defined.v1 / assessment.defined.v1: known from now on, with its name as of the newest event. */
    public void defined(String credential, String name, String source, Instant at) {
        em.createNativeQuery("INSERT INTO known_credential (credential, name, source, known_at) VALUES (?1, ?2, ?3, ?4)"
                + " ON CONFLICT (credential) DO UPDATE SET name = excluded.name, source = excluded.source,"
                + " known_at = excluded.known_at WHERE known_credential.name IS NULL OR known_credential.known_at < excluded.known_at")
                .setParameter(1, credential).setParameter(2, name).setParameter(3, source).setParameter(4, Timestamp.from(at))
                .executeUpdate();
    }

    /** A credential seen held (earned/renewed/passed): it exists, whatever else is known of it is kept. */
    public void seen(String credential, String source, Instant at) {
        em.createNativeQuery("INSERT INTO known_credential (credential, source, known_at) VALUES (?1, ?2, ?3)"
                + " ON CONFLICT (credential) DO NOTHING")
                .setParameter(1, credential).setParameter(2, source).setParameter(3, Timestamp.from(at)).executeUpdate();
    }

    /** Issue 27: the names of those of {@code credentials} whose definition was seen (the others are left out). */
    public java.util.Map<String, String> names(Collection<String> credentials) {
        if (credentials.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<String, String> names = new java.util.HashMap<>();
        for (Object row : em.createNativeQuery("SELECT credential, name FROM known_credential WHERE credential IN (:credentials)"
                + " AND name IS NOT NULL").setParameter("credentials", new HashSet<>(credentials)).getResultList()) {
            Object[] columns = (Object[]) row;
            names.put(columns[0].toString(), columns[1].toString());
        }
        return names;
    }

    /** Those of {@code credentials} not known, in the given order. */
    public List<String> unknown(Collection<String> credentials) {
        if (credentials.isEmpty()) {
            return List.of();
        }
        Set<String> wanted = new LinkedHashSet<>(credentials);
        Set<String> known = new HashSet<>();
        for (Object row : em.createNativeQuery("SELECT credential FROM known_credential WHERE credential IN (:credentials)")
                .setParameter("credentials", wanted).getResultList()) {
            known.add(row.toString());
        }
        wanted.removeAll(known);
        return List.copyOf(wanted);
    }
}
