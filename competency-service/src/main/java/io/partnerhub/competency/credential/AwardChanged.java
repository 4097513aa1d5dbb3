package io.partnerhub.competency.credential;

import java.time.Instant;
import java.util.Objects;

/**
 * Fired (CDI, synchronously, inside the transaction that changes it) when an organisation starts or stops holding an
 * award: a competency level, a designation or a specialisation. The organisation credentials observe it, so that the
 * credential is issued, or its status bit flipped, in the same transaction as the status itself.
 *
 * @param kind      what is held
 * @param awardId   the competency, solution area or specialisation id
 * @param level     SILVER or GOLD for a competency; the track (or null) for a designation; null for a specialisation
 * @param name      the award's display name
 * @param held      true when it is now held (attained, renewed, kept), false when it lapsed or was lost
 */
public record AwardChanged(String organizationId, Kind kind, String awardId, String level, String name, boolean held,
        Instant at) {

    public enum Kind {
        COMPETENCY, DESIGNATION, SPECIALISATION
    }

    public AwardChanged {
        Objects.requireNonNull(organizationId, "organizationId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(awardId, "awardId");
        Objects.requireNonNull(at, "at");
    }
}
