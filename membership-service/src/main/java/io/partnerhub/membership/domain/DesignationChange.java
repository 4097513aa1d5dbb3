package io.partnerhub.membership.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * M7 a designation event applied to what membership knows (table-tested in DesignationChangeTest): attained holds it
 * and clears any risk; at-risk keeps it held and raises the risk; risk-cleared clears the risk of a held one; lost
 * drops it (and the risk with it: the risk came true).
 */
public enum DesignationChange {
    ATTAINED("io.partnerhub.designation.attained.v1"),
    AT_RISK("io.partnerhub.designation.at-risk.v1"),
    RISK_CLEARED("io.partnerhub.designation.risk-cleared.v1"),
    LOST("io.partnerhub.designation.lost.v1");

    private final String type;

    DesignationChange(String type) {
        this.type = type;
    }

    public String type() {
        return type;
    }

    /** The change of a CloudEvent type, or null for a type that is not a designation change. */
    public static DesignationChange ofType(String type) {
        for (DesignationChange change : values()) {
            if (change.type.equals(type)) {
                return change;
            }
        }
        return null;
    }

    /**
     * @param before what was known (null: nothing yet)
     * @param name, track, score, holdsUntil the event's figures (a null keeps what was known)
     */
    public DesignationStanding apply(DesignationStanding before, String solutionAreaId, String name, String track,
            BigDecimal score, LocalDate holdsUntil) {
        String knownName = name != null ? name : before == null ? solutionAreaId : before.name();
        String knownTrack = track != null ? track : before == null ? null : before.track();
        BigDecimal knownScore = score != null ? score : before == null ? null : before.score();
        LocalDate until = holdsUntil != null ? holdsUntil : before == null ? null : before.holdsUntil();
        boolean heldBefore = before != null && before.held();
        return switch (this) {
            case ATTAINED -> new DesignationStanding(solutionAreaId, knownName, true, false, knownTrack, knownScore, until);
            case AT_RISK -> new DesignationStanding(solutionAreaId, knownName, true, true, knownTrack, knownScore, until);
            case RISK_CLEARED -> new DesignationStanding(solutionAreaId, knownName, heldBefore, false, knownTrack, knownScore,
                    until);
            case LOST -> new DesignationStanding(solutionAreaId, knownName, false, false, knownTrack, knownScore, null);
        };
    }
}
