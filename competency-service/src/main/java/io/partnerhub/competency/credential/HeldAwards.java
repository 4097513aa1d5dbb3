package io.partnerhub.competency.credential;

import java.util.List;
import java.util.Optional;

/**
 * A source of awards (one per {@link AwardChanged.Kind}): what organisations hold now, for the start-up backfill of
 * credentials, and the awards' display names. competency-service's competency levels are {@link CompetencyAwards};
 * designations and specialisations add a bean of their own.
 */
public interface HeldAwards {

    AwardChanged.Kind kind();

    /** Up to {@code limit} awards held now (held=true) whose organisation has no live credential for them. */
    List<AwardChanged> heldWithoutCredential(int limit);

    /** The award's display name (a competency's name), if known. */
    Optional<String> name(String awardId);
}
