package io.partnerhub.competency.credential;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.EntityManager;

/**
 * A {@link HeldAwards} read from this service's own tables by two statements: the held awards without a live
 * credential (columns organisation, award id, level or null, name, since; {@code ?1} the limit) and an award's name
 * ({@code ?1} its id).
 */
public abstract class StoredAwards implements HeldAwards {

    private final EntityManager em;
    private final AwardChanged.Kind kind;
    private final String heldWithoutCredential;
    private final String name;

    protected StoredAwards(EntityManager em, AwardChanged.Kind kind, String heldWithoutCredential, String name) {
        this.em = em;
        this.kind = kind;
        this.heldWithoutCredential = heldWithoutCredential;
        this.name = name;
    }

    @Override
    public AwardChanged.Kind kind() {
        return kind;
    }

    @Override
    @SuppressWarnings("unchecked")
    public List<AwardChanged> heldWithoutCredential(int limit) {
        List<Object[]> rows = em.createNativeQuery(heldWithoutCredential).setParameter(1, limit).getResultList();
        return rows.stream().map(r -> new AwardChanged((String) r[0], kind, (String) r[1], (String) r[2], (String) r[3],
                true, instant(r[4]))).toList();
    }

    @Override
    public Optional<String> name(String awardId) {
        return em.createNativeQuery(name).setParameter(1, awardId).getResultStream().findFirst().map(String.class::cast);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        throw new IllegalStateException("not a timestamp: " + value);
    }
}
