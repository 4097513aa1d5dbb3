package io.partnerhub.competency.domain;

import java.util.List;
import java.util.Set;

import io.partnerhub.competency.domain.OrganizationFacts.Figure;

/**
 * What the K2/K4 rules read of one organisation: per skill set (the credentials a skill requirement lists) its
 * {@link Holders}, and the performance figures. Either everything ({@link OrganizationFacts}: what-if, forecast, unit
 * tests) or a bounded extract read through indexes (the service, per event: the longest-lasting holders up to the
 * requirement's size and an exact count), so that the rules' answer is the same and the cost of an event does not grow
 * with the organisation.
 */
public interface Facts {

    /** The people counted for "who counts": at least this many, more when a requirement needs more individuals. */
    int COUNTED_CAP = 100;

    /** The holders of any of {@code credentials} among the organisation's members. */
    Holders holders(Set<String> credentials);

    /** The performance figures (those of the last 13 months are enough). */
    List<Figure> figures();

    /** How many longest-lasting holders the rules need for a skill set whose largest requirement asks {@code individuals}. */
    static int sampleSize(int individuals) {
        return Math.max(individuals, COUNTED_CAP);
    }
}
