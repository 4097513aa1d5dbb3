package io.partnerhub.membership.domain;

import java.time.LocalDate;
import java.util.List;

/**
 * M6 a competency event applied to what membership knows (table-tested in CompetencyChangeTest):
 * attained / renewed set the level and clear any risk; at-risk keeps the level and raises the alert with the reasons;
 * risk-cleared clears the alert; lapsed drops the level to NONE (and with it the alert: the risk has come true, which
 * {@code renewalAtRisk} shows).
 */
public enum CompetencyChange {
    ATTAINED("io.partnerhub.competency.attained.v1"),
    RENEWED("io.partnerhub.competency.renewed.v1"),
    AT_RISK("io.partnerhub.competency.at-risk.v1"),
    RISK_CLEARED("io.partnerhub.competency.risk-cleared.v1"),
    LAPSED("io.partnerhub.competency.lapsed.v1");

    private final String type;

    CompetencyChange(String type) {
        this.type = type;
    }

    public String type() {
        return type;
    }

    /** The change of a CloudEvent type, or null for a type membership does not use. */
    public static CompetencyChange ofType(String type) {
        for (CompetencyChange change : values()) {
            if (change.type.equals(type)) {
                return change;
            }
        }
        return null;
    }

    /**
     * @param before what was known (null: nothing yet)
     * @param level the event's level
     */
    public CompetencyStanding apply(CompetencyStanding before, String competencyId, CompetencyLevel level,
            LocalDate validUntil, List<String> reasons) {
        LocalDate until = validUntil != null ? validUntil : before == null ? null : before.validUntil();
        return switch (this) {
            case ATTAINED, RENEWED -> new CompetencyStanding(competencyId, level, until, false, List.of());
            case AT_RISK -> new CompetencyStanding(competencyId, level == CompetencyLevel.NONE && before != null
                    ? before.level() : level, until, true, reasons);
            case RISK_CLEARED -> new CompetencyStanding(competencyId, before != null && level == CompetencyLevel.NONE
                    ? before.level() : level, until, false, List.of());
            case LAPSED -> new CompetencyStanding(competencyId, CompetencyLevel.NONE, until, false, List.of());
        };
    }
}
